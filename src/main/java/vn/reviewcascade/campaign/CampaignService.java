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
import vn.reviewcascade.PlainText;
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
        String available = String.join(", ", properties.plans().stream().map(PlanTemplate::planNumber).toList());
        if (request.plan() == null || request.plan().isBlank()) {
            errors.add(new FieldError("plan", "Thiếu số hiệu kế hoạch (plan); có: " + available));
        } else if (template.isEmpty()) {
            errors.add(new FieldError("plan", "Không có kế hoạch mẫu '" + request.plan() + "'; có: " + available));
        }
        Optional<Unit> root = request.rootUnit() == null ? Optional.empty() : tree.find(request.rootUnit());
        if (request.rootUnit() == null || request.rootUnit().isBlank()) {
            errors.add(new FieldError("rootUnit", "Thiếu mã đơn vị chủ trì đợt sơ kết (rootUnit)"));
        } else if (root.isEmpty()) {
            errors.add(new FieldError("rootUnit", "Không có đơn vị '" + request.rootUnit() + "' trong cây đơn vị"));
        }
        if (request.year() == null) {
            errors.add(new FieldError("year", "Thiếu năm thực hiện (year): các hạn của kế hoạch được đặt vào năm này"));
        } else if (request.year() < 2000 || request.year() > 2100) {
            errors.add(new FieldError("year", "Năm " + request.year() + " không hợp lệ (2000–2100)"));
        }
        String title = request.title() == null ? null : PlainText.normalize(request.title().strip());
        if (title != null) {
            if (title.isEmpty() || title.length() > 500) {
                errors.add(new FieldError("title", "Tên đợt sơ kết phải có từ 1 đến 500 ký tự"));
            } else {
                PlainText.problem(title).ifPresent(problem -> errors.add(new FieldError("title", "Tên đợt sơ kết " + problem)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.now();
        Deadlines deadlines = deadlines(template.get(), request, now);
        Map<Level, List<Duration>> reminders = reminders(template.get(), request);
        String campaignTitle = title == null ? template.get().title() : title;
        // The same request sent twice (a double click, a retried call) must not open the same campaign twice.
        campaigns.findRunning(template.get().planNumber(), root.get().code(), request.year()).stream()
                .filter(running -> running.title().equals(campaignTitle) && running.deadlines().equals(deadlines))
                .findFirst().ifPresent(running -> {
                    throw new CampaignConflictException(("Đợt sơ kết này đã được mở: đợt số %d, cùng kế hoạch %s, cùng đơn vị, "
                            + "năm, tên và các hạn, bắt đầu %s, đang chạy. Muốn mở thêm một đợt thì đặt tên khác.")
                            .formatted(running.id(), running.planNumber(), DeadlineFormat.label(running.startedAt())));
                });
        long id = campaigns.insert(template.get().planNumber(), campaignTitle, root.get().code(), template.get().organisingGroup(), request.year(), deadlines, now, startedBy);
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

    private static Deadlines deadlines(PlanTemplate template, StartCampaign request, Instant now) {
        int year = request.year();
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
        List<FieldError> problems = new ArrayList<>(deadlines.contradictions());
        // A deadline already past would make every unit of it overdue at once, with an escalation mail each.
        deadlines.byName().forEach((name, deadline) -> {
            if (!deadline.isAfter(now)) {
                problems.add(new FieldError("deadlines." + name, "%s (%s) đã qua; đặt lại hạn này hoặc chọn năm khác"
                        .formatted(Deadlines.label(name), DeadlineFormat.label(deadline))));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
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
