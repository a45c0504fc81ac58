package vn.reviewcascade.demo;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SetupStep;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.campaign.StartCampaign;
import vn.reviewcascade.unit.Unit;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

/**
 * The demo profile only: named users for a few units (password "demo", documented in the README), a KH 117
 * campaign over the whole Quảng Trị tree placed next year, and a short one whose deadlines fall within minutes.
 * Runs last of the set-up steps; the campaigns' jobs wait in the database until the job executor starts.
 */
@Component
@Order(10)
@Profile("demo")
class DemoData implements SetupStep {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoUser(String id, String firstName, String lastName, String unitCode, Set<UnitRole> roles) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("bdv", "Cán bộ", "Ban Dân vận", "TU", Set.of(UnitRole.DRAFTER)),
            new DemoUser("btc", "Cán bộ", "Ban Tổ chức", "TU", Set.of(UnitRole.REVIEWER, UnitRole.GUIDANCE_DRAFTER)),
            new DemoUser("btv", "Thường trực", "Ban Thường vụ", "TU", Set.of(UnitRole.SIGNER)),
            new DemoUser("vinhlinh.dt", "Chuyên viên", "Huyện ủy Vĩnh Linh", "VL", Set.of(UnitRole.DRAFTER)),
            new DemoUser("vinhlinh.td", "Phó Ban", "Huyện ủy Vĩnh Linh", "VL", Set.of(UnitRole.REVIEWER)),
            new DemoUser("vinhlinh.kd", "Bí thư", "Huyện ủy Vĩnh Linh", "VL", Set.of(UnitRole.SIGNER)),
            new DemoUser("hoxa.dt", "Văn phòng", "Đảng ủy thị trấn Hồ Xá", "VL-HOXA", Set.of(UnitRole.DRAFTER)),
            new DemoUser("hoxa.td", "Phó Bí thư", "Đảng ủy thị trấn Hồ Xá", "VL-HOXA", Set.of(UnitRole.REVIEWER)),
            new DemoUser("hoxa.kd", "Bí thư", "Đảng ủy thị trấn Hồ Xá", "VL-HOXA", Set.of(UnitRole.SIGNER)),
            new DemoUser("conco.dt", "Chuyên viên", "Huyện ủy Cồn Cỏ", "CC", Set.of(UnitRole.DRAFTER)),
            new DemoUser("conco.td", "Phó Ban", "Huyện ủy Cồn Cỏ", "CC", Set.of(UnitRole.REVIEWER)),
            new DemoUser("conco.kd", "Bí thư", "Huyện ủy Cồn Cỏ", "CC", Set.of(UnitRole.SIGNER)));

    private final IdentityService identityService;
    private final UnitTree tree;
    private final CampaignService campaigns;
    private final EngineClock clock;

    DemoData(IdentityService identityService, UnitTree tree, CampaignService campaigns, EngineClock clock) {
        this.identityService = identityService;
        this.tree = tree;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void run() {
        for (DemoUser demo : USERS) {
            if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
                continue;
            }
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@demo.reviewcascade.vn");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            Unit unit = tree.find(demo.unitCode()).orElseThrow();
            Set<String> groups = new LinkedHashSet<>();
            demo.roles().forEach(role -> groups.add(role.groupOf(unit).id()));
            groups.forEach(group -> identityService.createMembership(demo.id(), group));
        }
        if (campaigns.findAll().isEmpty()) {
            var campaign = campaigns.start(new StartCampaign("117-KH/TU", null, "TU", Year.now().getValue() + 1, null), "demo");
            log.info("Demo campaign {} started for {} units", campaign.id(), tree.subtree("TU").size());
            var shortCampaign = campaigns.start(shortCampaign(clock.now().atOffset(ZoneOffset.ofHours(7))), "demo");
            log.info("Short demo campaign {} started for Huyện ủy Cồn Cỏ: mails within minutes", shortCampaign.id());
        }
    }

    /**
     * Huyện ủy Cồn Cỏ on a timetable of minutes: guidance due in 2, base units in 4, the district in 6, each
     * reminded 1 minute ahead. Left alone it shows a reminder, the base units starting when the guidance
     * deadline passes, escalations and the organising board's digest.
     */
    private static StartCampaign shortCampaign(OffsetDateTime now) {
        return new StartCampaign("117-KH/TU", "Sơ kết thử – Huyện ủy Cồn Cỏ (hạn tính bằng phút)", "CC", now.getYear(),
                Map.of("guidance", now.plusMinutes(2).toString(), "base", now.plusMinutes(4).toString(),
                        "district", now.plusMinutes(6).toString(), "submission", now.plusMinutes(7).toString(),
                        "province", now.plusMinutes(8).toString()),
                Map.of("PROVINCE", List.of("PT1M"), "DISTRICT", List.of("PT1M"), "BASE", List.of("PT1M")));
    }
}
