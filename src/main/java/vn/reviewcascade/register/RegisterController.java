package vn.reviewcascade.register;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.PersonNames;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.dashboard.Page;
import vn.reviewcascade.document.WrittenDocuments;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.security.AccessDeniedException;
import vn.reviewcascade.security.UnitAccess;
import vn.reviewcascade.unit.TreeLevel;
import vn.reviewcascade.unit.UnitTree;

/**
 * The document registers (sổ văn bản đi / đến), which the page /registers reads: per unit, the documents it issued
 * and those it received, searched by number, issuer and text, paged. A unit's people open the registers of their
 * units and of every unit below them, with the rows of the campaigns in which it is below them; administrators and
 * the observer boards every unit's. The files, their signature checked now, and the upload of a token-signed PDF are
 * the written document's own routes ({@code /api/campaigns/{c}/units/{u}/{report|guidance}/written…}).
 */
@RestController
@RequestMapping("/api/registers")
class RegisterController {

    static final int MAX_QUERY = 200;
    static final int MAX_UNITS = 30;

    private final RegisterQueries queries;
    private final CampaignService campaigns;
    private final UnitAccess access;
    private final IdentityService identityService;
    private final SystemContext system;
    private final UnitTree tree;

    RegisterController(RegisterQueries queries, CampaignService campaigns, UnitAccess access,
                       IdentityService identityService, SystemContext system, UnitTree tree) {
        this.queries = queries;
        this.campaigns = campaigns;
        this.access = access;
        this.identityService = identityService;
        this.system = system;
        this.tree = tree;
    }

    /**
     * Where the page opens: the user's own units (highest first), whether every unit is theirs to open, and the unit
     * opened first — their highest unit, or for those who see everything the root of the newest campaign.
     */
    record Home(List<RegisterUnit> ownUnits, boolean seesEverything, RegisterUnit defaultUnit) {
    }

    @GetMapping
    Home home() {
        List<String> levels = tree.levels().stream().map(TreeLevel::key).toList();
        List<RegisterUnit> own = queries.known(access.ownUnitCodes()).stream()
                .sorted(Comparator.comparingInt((RegisterQueries.Known unit) -> levels.contains(unit.level())
                        ? levels.indexOf(unit.level()) : levels.size()).thenComparing(RegisterQueries.Known::unitName))
                .map(unit -> new RegisterUnit(unit.unitCode(), unit.unitName(), null)).toList();
        boolean all = access.seesEverything();
        RegisterUnit first = own.isEmpty() ? null : own.get(0);
        if (first == null && all) {
            first = campaigns.findAll().stream().max(Comparator.comparingLong(Campaign::id))
                    .flatMap(campaign -> queries.unit(campaign.rootUnit()))
                    .map(unit -> new RegisterUnit(unit.unitCode(), unit.unitName(), null)).orElse(null);
        }
        return new Home(own, all, first);
    }

    /** The units whose registers the user may open and whose name or code contains {@code q}, 30 at most. */
    @GetMapping("/units")
    List<RegisterUnit> units(@RequestParam(required = false) String q) {
        String pattern = RegisterQueries.contains(query(q));
        List<String> levels = tree.levels().stream().map(TreeLevel::key).toList();
        return queries.units(access.seesEverything() ? null : access.ownUnitCodes(), pattern, levels, MAX_UNITS);
    }

    /**
     * One page of the unit's register: {@code direction} {@code outgoing} (issued, the default) or {@code incoming}
     * (received), {@code q} searched in the number, the issuer's name and code and the document's text,
     * {@code campaign} one campaign only; newest first.
     */
    @GetMapping("/{unitCode}")
    Register register(@PathVariable String unitCode, @RequestParam(defaultValue = "outgoing") String direction,
                      @RequestParam(required = false) String q, @RequestParam(required = false) Long campaign,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        List<FieldError> errors = new ArrayList<>();
        if (!direction.equals("outgoing") && !direction.equals("incoming")) {
            errors.add(new FieldError("direction", "Sổ phải là outgoing (văn bản đi) hoặc incoming (văn bản đến)"));
        }
        if (page < 0) {
            errors.add(new FieldError("page", "Số trang phải từ 0 trở lên"));
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            errors.add(new FieldError("size", "Số dòng mỗi trang phải từ 1 đến " + Page.MAX_SIZE));
        }
        if (q != null && q.length() > MAX_QUERY) {
            errors.add(new FieldError("q", "Nội dung tìm kiếm dài tối đa " + MAX_QUERY + " ký tự"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        RegisterQueries.Known unit = queries.unit(unitCode).orElseThrow(() ->
                new NotFoundException("Không có đơn vị '" + unitCode + "' trong đợt báo cáo nào"));
        List<Long> visible = access.seesEverything() ? queries.campaignsOf(unitCode)
                : queries.campaignsBelow(unitCode, access.ownUnitCodes());
        if (visible.isEmpty()) {
            throw new AccessDeniedException("Bạn không có quyền xem sổ văn bản của " + unit.unitName()
                    + ": chỉ xem được sổ của đơn vị mình và các đơn vị cấp dưới");
        }
        if (campaign != null && !visible.contains(campaign)) {
            if (!queries.campaignsOf(unitCode).contains(campaign)) {
                throw new NotFoundException(unit.unitName() + " không tham gia đợt số " + campaign);
            }
            throw new AccessDeniedException("Bạn không có quyền xem sổ văn bản của " + unit.unitName()
                    + " trong đợt số " + campaign);
        }
        boolean incoming = direction.equals("incoming");
        Set<Long> scope = access.seesEverything() ? null : new HashSet<>(visible);
        Page<RegisterQueries.Row> rows = queries.page(unitCode, incoming, scope, campaign,
                RegisterQueries.contains(q), page, size);
        Map<String, String> names = names(rows.items());
        List<RegisterEntry> entries = rows.items().stream()
                .map(row -> entry(row, incoming, unitCode, names)).toList();
        List<Register.CampaignChoice> choices = visible.stream().map(campaigns::find)
                .map(found -> new Register.CampaignChoice(found.id(), found.title(), found.year(), found.planNumber()))
                .toList();
        return new Register(unit.unitCode(), unit.unitName(), direction, choices, access.canIssue(unitCode),
                new Page<>(rows.page(), rows.size(), rows.total(), entries));
    }

    private RegisterEntry entry(RegisterQueries.Row row, boolean incoming, String unitCode, Map<String, String> names) {
        Campaign campaign = campaigns.find(row.campaignId());
        DocumentKind kind = DocumentKind.valueOf(row.kind());
        String kindName = kind == DocumentKind.REPORT ? "Báo cáo" : "Hướng dẫn";
        String received = !incoming ? null
                : kind == DocumentKind.GUIDANCE ? "Hướng dẫn của cấp trên" : "Báo cáo của cấp dưới";
        String base = "/api/campaigns/" + row.campaignId() + "/units/" + row.unitCode() + "/"
                + kind.name().toLowerCase(Locale.ROOT) + "/written";
        return new RegisterEntry(row.campaignId(), campaign.title(), kind.name(), kindName, row.number(), row.issuedAt(),
                kindName + " " + WrittenDocuments.lowerFirst(campaign.title()), row.unitCode(), row.unitName(), received,
                names.getOrDefault(row.signer(), row.signer()), row.certificate(), row.signedElsewhere(),
                row.uploadedBy() == null ? null : names.getOrDefault(row.uploadedBy(), row.uploadedBy()), row.uploadedAt(),
                SignatureStatus.of(row.hasFile(), row.revocationRank(), row.signedElsewhere(), row.certificate()),
                row.hasFile() && !incoming && row.unitCode().equals(unitCode) && access.canIssue(row.unitCode()),
                row.hasFile() ? base + ".pdf" : null, row.hasFile() ? base + ".docx" : null,
                row.hasFile() ? base : null);
    }

    /** The people of the page by name, in one query; the engine's users are read on the system's behalf. */
    private Map<String, String> names(List<RegisterQueries.Row> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> {
            if (row.signer() != null) {
                ids.add(row.signer());
            }
            if (row.uploadedBy() != null) {
                ids.add(row.uploadedBy());
            }
        });
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<User> users = system.call(() -> identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list());
        return users.stream().filter(user -> PersonNames.fullName(user) != null)
                .collect(Collectors.toMap(User::getId, PersonNames::fullName, (first, second) -> first));
    }

    /** Blank is no search; the length is checked where it is refused with the field's name. */
    private static String query(String q) {
        if (q != null && q.length() > MAX_QUERY) {
            throw new InvalidInputException("q", "Nội dung tìm kiếm dài tối đa " + MAX_QUERY + " ký tự");
        }
        return q;
    }
}
