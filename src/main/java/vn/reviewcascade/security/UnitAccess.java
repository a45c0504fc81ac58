package vn.reviewcascade.security;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

import vn.reviewcascade.people.People;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.unit.UnitRole;
import vn.reviewcascade.unit.UnitTree;

/**
 * What the current user of {@code /api} may see and do, from the groups of the engine's current user (set for each
 * request from its login): a unit's people read its report and those of every unit below it (a district reads its
 * base units, the province all); only its drafters and clerks change it; administrators and the observer boards
 * (Ban Dân vận, Ban Tổ chức) read everything.
 */
@Component
public class UnitAccess {

    private static final Set<UnitRole> EDITORS = EnumSet.of(UnitRole.DRAFTER, UnitRole.GUIDANCE_DRAFTER, UnitRole.CLERK);
    private static final Set<UnitRole> ISSUERS = EnumSet.of(UnitRole.SIGNER, UnitRole.CLERK);

    private final IdentityService identityService;
    private final UnitTree tree;
    private final ReportRepository reports;
    private final SecurityProperties properties;
    private final People people;

    public UnitAccess(IdentityService identityService, UnitTree tree, ReportRepository reports,
                      SecurityProperties properties, People people) {
        this.identityService = identityService;
        this.people = people;
        this.tree = tree;
        this.reports = reports;
        this.properties = properties;
    }

    public String userId() {
        var authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    public boolean isAdministrator() {
        return groups().contains(Groups.CAMUNDA_ADMIN);
    }

    /** Administrators and the observer boards. */
    public boolean seesEverything() {
        List<String> groups = groups();
        return groups.contains(Groups.CAMUNDA_ADMIN) || properties.observerGroups().stream().anyMatch(groups::contains);
    }

    public boolean canRead(UnitReport unit) {
        if (seesEverything()) {
            return true;
        }
        Set<String> own = ownUnits(EnumSet.allOf(UnitRole.class));
        // Walk up the campaign's own snapshot: the tree may have changed since the campaign started.
        String code = unit.unitCode();
        Set<String> seen = new HashSet<>();
        while (code != null && seen.add(code)) {
            if (own.contains(code)) {
                return true;
            }
            code = reports.find(unit.campaignId(), code).map(UnitReport::parentCode).orElse(null);
        }
        return false;
    }

    /**
     * The units of one campaign the user may read, in one pass: the own units are looked up once and parents
     * are followed within the given rows, not with a query per unit.
     */
    public List<UnitReport> readable(List<UnitReport> units) {
        if (seesEverything()) {
            return units;
        }
        Set<String> own = ownUnits(EnumSet.allOf(UnitRole.class));
        Map<String, String> parents = new HashMap<>();
        units.forEach(unit -> parents.put(unit.unitCode(), unit.parentCode()));
        return units.stream().filter(unit -> {
            Set<String> seen = new HashSet<>();
            for (String code = unit.unitCode(); code != null && seen.add(code); code = parents.get(code)) {
                if (own.contains(code)) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    /**
     * Guidance goes down: beside those who read the issuing unit's report, every unit below it reads its guidance.
     */
    public boolean canReadGuidance(UnitReport issuer) {
        if (canRead(issuer)) {
            return true;
        }
        for (String own : ownUnits(EnumSet.allOf(UnitRole.class))) {
            Set<String> seen = new HashSet<>();
            String code = reports.find(issuer.campaignId(), own).map(UnitReport::parentCode).orElse(null);
            while (code != null && seen.add(code)) {
                if (code.equals(issuer.unitCode())) {
                    return true;
                }
                code = reports.find(issuer.campaignId(), code).map(UnitReport::parentCode).orElse(null);
            }
        }
        return false;
    }

    public boolean canEditGuidance(UnitReport unit) {
        return isAdministrator() || ownUnits(EnumSet.of(UnitRole.GUIDANCE_DRAFTER, UnitRole.CLERK)).contains(unit.unitCode());
    }

    public void requireReadGuidance(UnitReport issuer) {
        if (!canReadGuidance(issuer)) {
            throw new AccessDeniedException("Bạn không có quyền xem kế hoạch hướng dẫn của " + issuer.unitName());
        }
    }

    public void requireEditGuidance(UnitReport unit) {
        if (!canEditGuidance(unit)) {
            throw new AccessDeniedException("Chỉ người dự thảo hướng dẫn hoặc văn thư của " + unit.unitName()
                    + " được sửa kế hoạch hướng dẫn này");
        }
    }

    public boolean canEdit(UnitReport unit) {
        return isAdministrator() || ownUnits(EDITORS).contains(unit.unitCode());
    }

    public void requireRead(UnitReport unit) {
        if (!canRead(unit)) {
            throw new AccessDeniedException("Bạn không có quyền xem báo cáo của " + unit.unitName());
        }
    }

    public void requireEdit(UnitReport unit) {
        if (!canEdit(unit)) {
            throw new AccessDeniedException("Chỉ chuyên viên dự thảo hoặc văn thư của " + unit.unitName()
                    + " được sửa báo cáo này");
        }
    }

    /** The unit's leaders who sign and its clerks, who apply signatures to what the unit issues (Nghị định 30/2020). */
    public void requireIssue(UnitReport unit) {
        if (!canIssue(unit.unitCode())) {
            throw new AccessDeniedException("Chỉ lãnh đạo ký duyệt hoặc văn thư của " + unit.unitName()
                    + " được thay văn bản đã ban hành bằng bản đã ký số");
        }
    }

    /** Whether the user may apply signatures to what the unit issued: its signers and clerks, administrators. */
    public boolean canIssue(String unitCode) {
        return isAdministrator() || ownUnits(ISSUERS).contains(unitCode);
    }

    public void requireSeesEverything(String what) {
        if (!seesEverything()) {
            // The boards by name ("Ban Dân vận Tỉnh ủy"): the reader knows the board, not its group id.
            throw new AccessDeniedException("Chỉ quản trị viên và các ban theo dõi mọi đơn vị (" + String.join(", ",
                    people.groupNameList(properties.observerGroups())) + ") được " + what);
        }
    }

    /** The units the user has any role in. */
    public Set<String> ownUnitCodes() {
        return ownUnits(EnumSet.allOf(UnitRole.class));
    }

    private Set<String> ownUnits(Set<UnitRole> roles) {
        Set<String> units = new HashSet<>();
        tree.membershipsOf(groups()).stream().filter(membership -> roles.contains(membership.role()))
                .forEach(membership -> units.add(membership.unitCode()));
        return units;
    }

    private List<String> groups() {
        var authentication = identityService.getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }
}
