package vn.reviewcascade.campaign;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.PlainText;
import vn.reviewcascade.plan.Cascade;
import vn.reviewcascade.plan.DeadlineKind;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.plan.PlanCatalog;
import vn.reviewcascade.plan.ReminderOffset;
import vn.reviewcascade.unit.TreeLevel;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitTree;

/** Starts campaigns of registered plans over the unit tree, and reads them back. */
@Service
public class CampaignService {

    /** The request's fields in the order a caller wrote them, which is the order its errors are named in. */
    private static final List<String> REQUEST_FIELDS = Arrays.stream(StartCampaign.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private final PlanCatalog plans;
    private final UnitTree tree;
    private final CampaignRepository campaigns;
    private final CampaignOpening opening;
    private final EngineClock clock;
    private final Validator validator;
    private final Map<Long, Campaign> started = new ConcurrentHashMap<>();

    public CampaignService(PlanCatalog plans, UnitTree tree, CampaignRepository campaigns, CampaignOpening opening,
                           EngineClock clock, Validator validator) {
        this.validator = validator;
        this.plans = plans;
        this.tree = tree;
        this.campaigns = campaigns;
        this.opening = opening;
        this.clock = clock;
    }

    /**
     * Checks the request's shape (Bean Validation, see {@link StartCampaign}) and what it names against the plans and
     * the tree, every wrong field at once and in the request's order, then in one transaction records the campaign
     * with the first part of its units ({@link CampaignOpening}): all of them and the root unit's review when the
     * campaign is small enough, else the rest is written by jobs and the answer comes at once.
     */
    @Transactional
    public Campaign start(StartCampaign request, String startedBy) {
        Prepared prepared = prepare(request);
        long id = campaigns.insert(new Campaign(0, prepared.plan(), prepared.title(), prepared.root().code(),
                request.year(), prepared.deadlines(), prepared.reminders(), clock.now(), startedBy));
        // Read from the table, not kept: this transaction may still roll back.
        Campaign campaign = campaigns.find(id).orElseThrow();
        // The caller's right to start a campaign was checked by the API; the processes are the application's own.
        opening.begin(campaign);
        return campaign;
    }

    /**
     * What {@link #start} would start for the request, with every check it makes, and nothing stored: the office
     * page's preview before the board confirms.
     */
    @Transactional(readOnly = true)
    public Prepared preview(StartCampaign request) {
        return prepare(request);
    }

    /**
     * A request checked and worked out: the plan version, the root, the units reached (root first, level by level),
     * the deadlines and reminders per level, the title.
     */
    public record Prepared(Plan plan, Unit root, String title, List<Unit> units, Deadlines deadlines,
                           Map<String, List<Duration>> reminders) {
    }

    private Prepared prepare(StartCampaign request) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(request).forEach(violation ->
                errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage())));
        Set<String> shapeRefused = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        Plan plan = shapeRefused.contains("plan") ? null : plan(request, errors);
        Optional<Unit> root = shapeRefused.contains("rootUnit") ? Optional.empty() : tree.find(request.rootUnit());
        if (root.isEmpty() && !shapeRefused.contains("rootUnit")) {
            errors.add(new FieldError("rootUnit", "Không có đơn vị '" + request.rootUnit() + "' trong cây đơn vị"));
        } else if (root.isPresent() && tree.isRetired(root.get().code())) {
            errors.add(new FieldError("rootUnit", "%s không còn trong cây đơn vị hiện hành (tệp cây mới nhất không có đơn vị này): "
                    .formatted(root.get().name()) + "đợt mới chỉ mở cho các đơn vị của cây hiện hành"));
        } else if (root.isPresent() && plan != null && plan.level(root.get().level()).isEmpty()) {
            errors.add(new FieldError("rootUnit", "%s thuộc cấp %s, nhưng kế hoạch %s không đến cấp này (chỉ có: %s)"
                    .formatted(root.get().name(), levelName(root.get().level()), plan.number(), String.join(", ", plan.levelKeys()))));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(error -> REQUEST_FIELDS.indexOf(error.field().split("\\.")[0])));
            throw new InvalidInputException(errors);
        }
        String title = request.title() == null ? null : PlainText.normalize(request.title().strip());
        List<Plan.Level> levels = plan.levels().subList(plan.levelKeys().indexOf(root.get().level()), plan.levels().size());
        requireRunOfTreeLevels(plan, levels);
        List<Unit> units = opening.reached(plan, root.get());
        Deadlines deadlines = deadlines(plan, levels, request, clock.now());
        Map<String, List<Duration>> reminders = reminders(levels, request);
        String campaignTitle = title == null ? plan.title() : title;
        // The same request sent twice (a double click, a retried call) must not open the same campaign twice.
        campaigns.findRunning(plan.number(), root.get().code(), request.year()).stream()
                .filter(running -> running.title().equals(campaignTitle) && running.deadlines().equals(deadlines))
                .findFirst().ifPresent(running -> {
                    throw new CampaignConflictException(("Đợt này đã được mở: đợt số %d, cùng kế hoạch %s, cùng đơn vị, "
                            + "năm, tên và các hạn, bắt đầu %s, đang chạy. Muốn mở thêm một đợt thì đặt tên khác.")
                            .formatted(running.id(), running.planNumber(), DeadlineFormat.label(running.startedAt())));
                });
        return new Prepared(plan, root.get(), campaignTitle, List.copyOf(units), deadlines, reminders);
    }

    /**
     * A campaign never changes once started (its plan version, deadlines and reminders are fixed), so each node keeps
     * those it has read: the delegates of every unit ask for their campaign, at national size fifty thousand times.
     */
    public Campaign find(long id) {
        Campaign known = started.get(id);
        if (known != null) {
            return known;
        }
        Campaign campaign = campaigns.find(id).orElseThrow(() -> new NotFoundException("Không có đợt số " + id));
        started.put(id, campaign);
        return campaign;
    }

    public List<Campaign> findAll() {
        return campaigns.findAll();
    }

    private Plan plan(StartCampaign request, List<FieldError> errors) {
        Optional<PlanCatalog.PlanVersion> latest = plans.latest(request.plan());
        if (latest.isEmpty()) {
            String available = String.join(", ", plans.versions().stream().map(PlanCatalog.PlanVersion::number).distinct().toList());
            errors.add(new FieldError("plan", "Không có kế hoạch '" + request.plan() + "'; có: " + available));
            return null;
        }
        if (request.planVersion() == null) {
            return plans.plan(request.plan(), latest.get().version());
        }
        if (request.planVersion() < 1 || request.planVersion() > latest.get().version()) {
            errors.add(new FieldError("planVersion", "Kế hoạch %s không có phiên bản %d (có từ 1 đến %d)"
                    .formatted(request.plan(), request.planVersion(), latest.get().version())));
            return null;
        }
        return plans.plan(request.plan(), request.planVersion());
    }

    /** The plan's levels from the root down must be a run of the tree's levels ({@link Cascade#misfits}). */
    private void requireRunOfTreeLevels(Plan plan, List<Plan.Level> levels) {
        List<String> treeLevels = tree.levels().stream().map(TreeLevel::key).toList();
        List<String> keys = levels.stream().map(Plan.Level::key).toList();
        // The first of these levels is the root unit's own, a level of the tree: a misfit always has a level above.
        List<FieldError> errors = Cascade.misfits(keys, treeLevels).stream().map(misfit -> new FieldError("plan",
                ("Kế hoạch %s có cấp %s ngay dưới cấp %s, nhưng cây đơn vị của hệ thống có các cấp %s: kế hoạch này không "
                        + "chạy được trên cây này").formatted(plan.number(), keys.get(misfit.level()),
                        keys.get(misfit.level() - 1), String.join(", ", treeLevels)))).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The plan's days in the campaign's year, with the request's overrides; refuses contradictions and the past. */
    private static Deadlines deadlines(Plan plan, List<Plan.Level> levels, StartCampaign request, Instant now) {
        Deadlines deadlines = Deadlines.of(plan, levels, request.year());
        List<FieldError> errors = new ArrayList<>();
        if (request.deadlines() != null) {
            for (Map.Entry<String, Map<String, String>> level : request.deadlines().entrySet()) {
                if (!deadlines.byLevel().containsKey(level.getKey())) {
                    errors.add(new FieldError("deadlines." + level.getKey(), "Đợt này không có cấp '" + level.getKey()
                            + "'; chỉ có: " + String.join(", ", deadlines.byLevel().keySet())));
                    continue;
                }
                for (Map.Entry<String, String> given : (level.getValue() == null ? Map.<String, String>of() : level.getValue()).entrySet()) {
                    String field = "deadlines." + level.getKey() + "." + given.getKey();
                    Map<DeadlineKind, Instant> dues = deadlines.byLevel().get(level.getKey());
                    Optional<DeadlineKind> kind = DeadlineKind.byKey(given.getKey());
                    if (kind.isEmpty() || !dues.containsKey(kind.get())) {
                        errors.add(new FieldError(field, "Cấp %s không có hạn '%s'; chỉ có: %s".formatted(level.getKey(),
                                given.getKey(), String.join(", ", dues.keySet().stream().map(DeadlineKind::key).toList()))));
                        continue;
                    }
                    try {
                        deadlines = deadlines.with(level.getKey(), kind.get(), DeadlineFormat.parse(given.getValue(), request.year()));
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError(field, e.getMessage()));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<FieldError> problems = new ArrayList<>(deadlines.contradictions(plan));
        // A deadline already past would make every unit of it overdue at once, with an escalation mail each.
        deadlines.byLevel().forEach((level, dues) -> dues.forEach((kind, due) -> {
            if (!due.isAfter(now)) {
                problems.add(new FieldError(Deadlines.field(level, kind), "%s (%s) đã qua; đặt lại hạn này hoặc chọn năm khác"
                        .formatted(Cascade.capitalised(Deadlines.label(plan, level, kind)), DeadlineFormat.label(due))));
            }
        }));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return deadlines;
    }

    /** Reminder offsets per level: the plan's, or those the request gives for a level. */
    private static Map<String, List<Duration>> reminders(List<Plan.Level> levels, StartCampaign request) {
        Map<String, List<Duration>> reminders = new LinkedHashMap<>();
        levels.forEach(level -> reminders.put(level.key(), level.reminders()));
        List<FieldError> errors = new ArrayList<>();
        if (request.reminders() != null) {
            request.reminders().forEach((level, offsets) -> {
                String field = "reminders." + level;
                if (!reminders.containsKey(level)) {
                    errors.add(new FieldError(field, "Đợt này không có cấp '" + level + "'; chỉ có: "
                            + String.join(", ", reminders.keySet())));
                    return;
                }
                List<Duration> parsed = new ArrayList<>();
                for (String offset : offsets == null ? List.<String>of() : offsets) {
                    try {
                        parsed.add(ReminderOffset.parse(offset));
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError(field, e.getMessage()));
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

    private String levelName(String level) {
        return tree.level(level).map(found -> level + " – " + found.name()).orElse(level);
    }
}
