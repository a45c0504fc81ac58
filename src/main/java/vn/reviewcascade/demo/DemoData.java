package vn.reviewcascade.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.reviewcascade.CsvRows;
import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SetupStep;
import vn.reviewcascade.Vietnam;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.plan.DeadlineKind;
import vn.reviewcascade.campaign.StartCampaign;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.plan.PlanCatalog;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

/**
 * The demo profile only: the users of {@code demo/users.csv}, each with a person's full name (password "demo",
 * documented in the README), a campaign of the configured plan over the whole tree placed next year, and a short one
 * from the configured unit whose deadlines fall within minutes. Runs last of the set-up steps; the campaigns' jobs wait in the database
 * until the job executor starts.
 */
@Component
@Order(10)
@Profile("demo")
class DemoData implements SetupStep {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identityService;
    private final UnitTree tree;
    private final CampaignService campaigns;
    private final PlanCatalog plans;
    private final EngineClock clock;
    private final String planNumber;
    private final String shortCampaignRoot;

    DemoData(IdentityService identityService, UnitTree tree, CampaignService campaigns, PlanCatalog plans,
             EngineClock clock, @Value("${review-cascade.demo.plan}") String planNumber,
             @Value("${review-cascade.demo.short-campaign-root}") String shortCampaignRoot) {
        this.identityService = identityService;
        this.tree = tree;
        this.campaigns = campaigns;
        this.plans = plans;
        this.clock = clock;
        this.planNumber = planNumber;
        this.shortCampaignRoot = shortCampaignRoot;
    }

    @Override
    public void run() {
        createUsers();
        if (campaigns.findAll().isEmpty()) {
            String root = tree.roots().get(0).code();
            var campaign = campaigns.start(StartCampaign.of(planNumber, null, root, Year.now().getValue() + 1), "demo");
            log.info("Demo campaign {} started for {} units", campaign.id(), tree.subtree(root).size());
            var shortCampaign = campaigns.start(shortCampaign(clock.now().atZone(Vietnam.ZONE).toOffsetDateTime()), "demo");
            log.info("Short demo campaign {} started from {}: mails within minutes", shortCampaign.id(), shortCampaignRoot);
        }
    }

    private void createUsers() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/users.csv").getInputStream(), StandardCharsets.UTF_8))) {
            List<CsvRows.Row> rows = CsvRows.read(reader, 1, false);
            for (CsvRows.Row row : rows.subList(1, rows.size())) {
                List<String> cells = row.cells();
                String id = cells.get(0);
                User existing = identityService.createUserQuery().userId(id).singleResult();
                if (existing != null) {
                    rename(existing, cells.get(1), cells.get(2));
                    continue;
                }
                User user = identityService.newUser(id);
                user.setFirstName(cells.get(1));
                user.setLastName(cells.get(2));
                user.setEmail(id + "@demo.reviewcascade.vn");
                user.setPassword(PASSWORD);
                identityService.saveUser(user);
                Unit unit = tree.find(cells.get(3)).orElseThrow(() -> new IllegalStateException(
                        "demo/users.csv names unit " + cells.get(3) + ", which the tree does not have"));
                Set<String> groups = new LinkedHashSet<>();
                for (String role : cells.get(4).split(" ")) {
                    groups.add(UnitRole.parse(role).orElseThrow().groupOf(unit).id());
                }
                groups.forEach(group -> identityService.createMembership(id, group));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo/users.csv", e);
        }
    }

    /**
     * A demo database from before the demo users had names (they were called by their role, "Cán bộ Ban Dân vận")
     * gets the names of the file, so every screen and mail shows people; nothing else of the user is touched.
     */
    private void rename(User user, String firstName, String lastName) {
        if (!firstName.equals(user.getFirstName()) || !lastName.equals(user.getLastName())) {
            user.setFirstName(firstName);
            user.setLastName(lastName);
            identityService.saveUser(user);
        }
    }

    /**
     * The short campaign on a timetable of minutes: guidance due in 2, the bottom level's reports in 4, each level
     * above waiting a minute longer and reporting 2 minutes after the level below, each reminded 1 minute ahead.
     * Left alone it shows a reminder, units starting when the guidance deadline passes, escalations and the
     * organising board's digest.
     */
    private StartCampaign shortCampaign(OffsetDateTime now) {
        Plan plan = plans.plan(planNumber, plans.latest(planNumber).orElseThrow().version());
        List<Plan.Level> levels = plan.levels().subList(
                plan.levelKeys().indexOf(tree.find(shortCampaignRoot).orElseThrow().level()), plan.levels().size());
        Map<String, Map<String, String>> deadlines = new LinkedHashMap<>();
        Map<String, List<String>> reminders = new LinkedHashMap<>();
        for (int fromBottom = 0; fromBottom < levels.size(); fromBottom++) {
            Plan.Level level = levels.get(levels.size() - 1 - fromBottom);
            Map<String, String> dues = new LinkedHashMap<>();
            if (level.issuesGuidance()) {
                dues.put(DeadlineKind.GUIDANCE.key(), now.plusMinutes(2).toString());
            }
            if (fromBottom > 0) {
                dues.put(DeadlineKind.SUBORDINATES.key(), now.plusMinutes(3L + 2 * fromBottom).toString());
            }
            dues.put(DeadlineKind.REPORT.key(), now.plusMinutes(4L + 2 * fromBottom).toString());
            deadlines.put(level.key(), dues);
            reminders.put(level.key(), List.of("PT1M"));
        }
        String kind = Character.toUpperCase(plan.kind().charAt(0)) + plan.kind().substring(1);
        return new StartCampaign(planNumber, null, kind + " thử – " + tree.find(shortCampaignRoot).orElseThrow().name()
                + " (hạn tính bằng phút)", shortCampaignRoot, now.getYear(), deadlines, reminders);
    }
}
