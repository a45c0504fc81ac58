package vn.reviewcascade.reorganisation;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.UploadedText;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.report.UnitReport;
import vn.reviewcascade.security.UnitAccess;

/**
 * Reorganisations of the unit tree, applied to running campaigns by the organising board and the administrators (the
 * same rule as starting a campaign): {@code POST /api/reorganisations?dryRun=true} shows what a file would do to each
 * running campaign, without it nothing is stored; without {@code dryRun} it is applied. The tree's versions, their
 * changes and the predecessor → successor links are readable by every signed-in user, as the tree is; a campaign
 * unit's recorded changes by whoever may read the unit.
 */
@RestController
@RequestMapping("/api")
class ReorganisationController {

    private static final String YAML = "application/yaml";

    private final ReorganisationService service;
    private final TreeVersions versions;
    private final UnitAccess access;
    private final ReportRepository reports;
    private final JdbcClient jdbc;

    ReorganisationController(ReorganisationService service, TreeVersions versions, UnitAccess access,
                             ReportRepository reports, JdbcClient jdbc) {
        this.service = service;
        this.versions = versions;
        this.access = access;
        this.reports = reports;
        this.jdbc = jdbc;
    }

    /**
     * The file as the body (YAML or JSON).
     *
     * @param campaign the running campaigns to apply it to (repeatable); every running campaign if none is given
     * @param deadline {@code keep} (the default) or {@code recompute}: the report deadline of a unit that continues
     *                 merged units' work
     * @param split    for each unit split in a running campaign (repeatable): {@code <unit>:<successor>} gives its report
     *                 and figures to that successor, {@code <unit>:afresh} has every successor report afresh
     */
    @PostMapping(path = "/reorganisations",
            consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<ReorganisationService.Result> post(@RequestBody(required = false) byte[] body,
                                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                                      @RequestParam(required = false) List<Long> campaign,
                                                      @RequestParam(required = false) String deadline,
                                                      @RequestParam(required = false) List<String> split) {
        return handle(text(body), dryRun, campaign, new ReorganisationChoices.Parameters(deadline, split));
    }

    /** The file uploaded from a form (multipart/form-data, field {@code file}). */
    @PostMapping(path = "/reorganisations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReorganisationService.Result> upload(@RequestParam("file") MultipartFile file,
                                                        @RequestParam(defaultValue = "false") boolean dryRun,
                                                        @RequestParam(required = false) List<Long> campaign,
                                                        @RequestParam(required = false) String deadline,
                                                        @RequestParam(required = false) List<String> split)
            throws IOException {
        return handle(text(file.getBytes()), dryRun, campaign, new ReorganisationChoices.Parameters(deadline, split));
    }

    private ResponseEntity<ReorganisationService.Result> handle(String text, boolean dryRun, List<Long> campaigns,
                                                                ReorganisationChoices.Parameters choices) {
        access.requireSeesEverything("áp dụng sắp xếp tổ chức");
        if (dryRun) {
            return ResponseEntity.ok(service.dryRun(text, campaigns, choices));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(service.apply(text, campaigns, choices, access.userId()));
    }

    @GetMapping("/reorganisations")
    List<TreeVersions.Version> list() {
        return versions.versions();
    }

    record VersionDetail(TreeVersions.Version version, List<TreeVersions.StoredChange> changes,
                         List<TreeVersions.Link> successions) {
    }

    @GetMapping("/reorganisations/{id}")
    VersionDetail version(@PathVariable long id) {
        TreeVersions.Version version = versions.versions().stream().filter(found -> found.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Không có lần sắp xếp tổ chức số " + id));
        return new VersionDetail(version, versions.changes(id),
                versions.links().stream().filter(link -> link.reorganisationId() == id).toList());
    }

    /** Which units the unit continues and which continue it, across every version. */
    @GetMapping("/units/{code}/successions")
    List<TreeVersions.Link> successions(@PathVariable String code) {
        return versions.links(code);
    }

    /** One recorded change of a campaign unit's row: the field, before and after, who, when, by which decision. */
    record RecordedChange(long id, long reorganisationId, String decision, String field, String before, String after,
                          Instant changedAt, String changedBy) {
    }

    /**
     * A campaign unit's history: its name now with "(trước đây: …)" naming the units it continues and its former
     * names, and every recorded change of its row.
     */
    record UnitHistory(String unitCode, String unitName, String formerly, String label, List<RecordedChange> changes) {
    }

    @GetMapping("/campaigns/{campaignId}/units/{code}/history")
    UnitHistory history(@PathVariable long campaignId, @PathVariable String code) {
        UnitReport unit = reports.find(campaignId, code)
                .orElseThrow(() -> new NotFoundException("Không có đơn vị '%s' trong đợt số %d".formatted(code, campaignId)));
        access.requireRead(unit);
        List<RecordedChange> changes = jdbc.sql("""
                        select c.id, c.reorganisation_id, o.decision_number, c.field, c.before_value, c.after_value,
                               c.changed_at, c.changed_by
                        from campaign_unit_change c join reorganisation o on o.id = c.reorganisation_id
                        where c.campaign_id = ? and c.unit_code = ? order by c.id""")
                .params(campaignId, code)
                .query((rs, row) -> new RecordedChange(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), SqlTimes.instant(rs, "changed_at"), rs.getString(8)))
                .list();
        String formerly = CampaignUnitNames.formerly(jdbc, campaignId, code);
        return new UnitHistory(code, unit.unitName(), formerly,
                formerly == null ? unit.unitName() : unit.unitName() + " (trước đây: " + formerly + ")", changes);
    }

    private static String text(byte[] body) {
        return UploadedText.decode(body, "Tệp sắp xếp tổ chức", 3 * ReorganisationReader.MAX_FILE,
                "tối đa %,d ký tự".formatted(ReorganisationReader.MAX_FILE));
    }
}
