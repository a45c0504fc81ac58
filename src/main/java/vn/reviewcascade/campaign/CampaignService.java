package vn.reviewcascade.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.report.DocumentNumbers;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.unit.Level;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitTree;

/** Starts campaigns from plan templates and reads them back. */
@Service
public class CampaignService {

    private final CascadeProperties properties;
    private final UnitTree tree;
    private final CampaignRepository campaigns;
    private final ReportRepository reports;
    private final DocumentNumbers documentNumbers;
    private final UnitReviewStarter starter;
    private final EngineClock clock;
    private final ApplicationEventPublisher events;
    private final SystemContext system;

    public CampaignService(CascadeProperties properties, UnitTree tree, CampaignRepository campaigns,
                           ReportRepository reports, DocumentNumbers documentNumbers, UnitReviewStarter starter,
                           EngineClock clock, ApplicationEventPublisher events, SystemContext system) {
        this.system = system;
        this.properties = properties;
        this.tree = tree;
        this.campaigns = campaigns;
        this.reports = reports;
        this.documentNumbers = documentNumbers;
        this.starter = starter;
        this.clock = clock;
        this.events = events;
    }

    public List<PlanTemplate> templates() {
        return properties.plans();
    }

    /**
     * Validates the whole request first (every wrong field is reported at once), then in one transaction
     * records the campaign, a report row per unit of the subtree, and the root unit's review process.
     */
    @Transactional
    public Campaign start(StartCampaign request, String startedBy) {
        List<FieldError> errors = new ArrayList<>();
        Optional<PlanTemplate> template = properties.plans().stream()
                .filter(plan -> plan.planNumber().equals(request.plan())).findFirst();
        if (template.isEmpty()) {
            errors.add(new FieldError("plan", "Không có kế hoạch mẫu '" + request.plan() + "'; có: "
                    + String.join(", ", properties.plans().stream().map(PlanTemplate::planNumber).toList())));
        }
        Optional<Unit> root = request.rootUnit() == null ? Optional.empty() : tree.find(request.rootUnit());
        if (root.isEmpty()) {
            errors.add(new FieldError("rootUnit", "Không có đơn vị '" + request.rootUnit() + "' trong cây đơn vị"));
        }
        if (request.year() != null && (request.year() < 2000 || request.year() > 2100)) {
            errors.add(new FieldError("year", "Năm " + request.year() + " không hợp lệ (2000–2100)"));
        }
        if (request.title() != null && (request.title().isBlank() || request.title().length() > 500)) {
            errors.add(new FieldError("title", "Tên đợt sơ kết phải có từ 1 đến 500 ký tự"));
        }
        if (!errors.isEmpty() || template.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Deadlines deadlines = deadlines(template.get(), request);
        Map<Level, List<Duration>> reminders = reminders(template.get(), request);
        Instant now = clock.now();
        String title = request.title() == null ? template.get().title() : request.title().trim();
        long id = campaigns.insert(template.get().planNumber(), title, root.get().code(), template.get().organisingGroup(),
                deadlines, now, startedBy);
        campaigns.insertReminders(id, reminders);
        List<Unit> units = tree.subtree(root.get().code());
        Map<Level, Instant> dueByLevel = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            dueByLevel.put(level, deadlines.reportDue(level));
        }
        reports.insertAll(id, root.get().code(), units, dueByLevel);
        documentNumbers.prepare(units.stream().map(Unit::code).toList());
        Campaign campaign = campaigns.find(id).orElseThrow();
        UnitReport rootReport = reports.find(id, root.get().code()).orElseThrow();
        // The caller's right to start a campaign was checked by the API; the processes are the application's own.
        system.run(() -> {
            starter.start(campaign, rootReport, !tree.childrenOf(root.get().code()).isEmpty());
            events.publishEvent(new CampaignStarted(campaign));
        });
        return campaign;
    }

    public Campaign find(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("Không có đợt sơ kết số " + id));
    }

    public List<Campaign> findAll() {
        return campaigns.findAll();
    }

    private static Deadlines deadlines(PlanTemplate template, StartCampaign request) {
        int year = request.year() == null ? template.planYear() : request.year();
        PlanTemplate.Days days = template.deadlines();
        Map<String, Instant> named = new HashMap<>();
        named.put("guidance", inYear(days.guidance(), year));
        named.put("base", inYear(days.base(), year));
        named.put("district", inYear(days.district(), year));
        named.put("submission", inYear(days.submission(), year));
        named.put("province", inYear(days.province(), year));
        List<FieldError> errors = new ArrayList<>();
        if (request.deadlines() != null) {
            request.deadlines().forEach((name, value) -> {
                if (!named.containsKey(name)) {
                    errors.add(new FieldError("deadlines." + name, "Không có hạn '" + name + "'; chỉ có: "
                            + String.join(", ", Deadlines.NAMES)));
                    return;
                }
                try {
                    named.put(name, DeadlineFormat.parse(value));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("deadlines." + name, e.getMessage()));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Deadlines deadlines = new Deadlines(named.get("guidance"), named.get("base"), named.get("district"),
                named.get("submission"), named.get("province"));
        List<FieldError> contradictions = deadlines.contradictions();
        if (!contradictions.isEmpty()) {
            throw new InvalidInputException(contradictions);
        }
        return deadlines;
    }

    /** Reminder offsets per level: the template's for every level, or those given per level. */
    private static Map<Level, List<Duration>> reminders(PlanTemplate template, StartCampaign request) {
        Map<Level, List<Duration>> reminders = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            reminders.put(level, template.reminders());
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.reminders() != null) {
            request.reminders().forEach((levelName, offsets) -> {
                String field = "reminders." + levelName;
                Level level;
                try {
                    level = Level.valueOf(levelName);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(field, "Không có cấp '" + levelName + "'; chỉ có PROVINCE, DISTRICT, BASE"));
                    return;
                }
                List<Duration> parsed = new ArrayList<>();
                for (String offset : offsets == null ? List.<String>of() : offsets) {
                    try {
                        Duration duration = Duration.parse(offset);
                        if (duration.isNegative() || duration.isZero()) {
                            throw new IllegalArgumentException();
                        }
                        parsed.add(duration);
                    } catch (RuntimeException e) {
                        errors.add(new FieldError(field, "\"" + offset + "\" không phải khoảng thời gian dương dạng ISO-8601 (ví dụ P7D, PT12H)"));
                    }
                }
                reminders.put(level, parsed.stream().distinct().sorted(Comparator.reverseOrder()).toList());
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return reminders;
    }

    private static Instant inYear(MonthDay day, int year) {
        return DeadlineFormat.endOfDay(day.atYear(year));
    }
}
