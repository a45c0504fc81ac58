package vn.reviewcascade.plan;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import vn.reviewcascade.Limits;
import vn.reviewcascade.UploadedText;
import vn.reviewcascade.audit.AuditAction;
import vn.reviewcascade.audit.AuditLog;
import vn.reviewcascade.security.SecurityProperties;
import vn.reviewcascade.security.UnitAccess;
import vn.reviewcascade.unit.TreeLevel;
import vn.reviewcascade.unit.UnitTree;

/**
 * Plans are added without a release: administrators and the organising boards post a plan file; a file with any
 * problem is refused whole, every problem with its line. Every signed-in user may list the plans and read them.
 */
@RestController
@RequestMapping("/api/plans")
class PlanController {

    /**
     * Read before decoding, so a huge body is refused unread: UTF-8 takes at most three bytes for each character
     * Java counts, so a file beyond this has more characters than {@link Limits#MAX_PLAN_FILE}.
     */
    private static final int MAX_FILE_BYTES = 3 * Limits.MAX_PLAN_FILE;
    private static final String YAML = "application/yaml";

    private final PlanCatalog plans;
    private final UnitAccess access;
    private final SecurityProperties security;
    private final UnitTree tree;
    private final AuditLog audit;

    PlanController(PlanCatalog plans, UnitAccess access, SecurityProperties security, UnitTree tree, AuditLog audit) {
        this.audit = audit;
        this.tree = tree;
        this.plans = plans;
        this.access = access;
        this.security = security;
    }

    @GetMapping
    List<PlanCatalog.PlanVersion> list() {
        return plans.versions();
    }

    /** The file of one version, as registered: {@code /api/plans/file?number=117-KH/TU&version=1}. */
    @GetMapping(path = "/file", produces = YAML + ";charset=UTF-8")
    String file(@RequestParam String number, @RequestParam int version) {
        return plans.source(number, version);
    }

    /** The plan as the application reads it (levels, outline, annex), for clients that build forms from it. */
    @GetMapping("/plan")
    Plan plan(@RequestParam String number, @RequestParam int version) {
        return plans.plan(number, version);
    }

    /** A plan file as the request body ({@code Content-Type: application/yaml}); an empty one is refused as a plan. */
    @PostMapping(consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<PlanCatalog.PlanVersion> register(@RequestBody(required = false) byte[] body) {
        return register(text(body));
    }

    /** A plan file uploaded from a form (multipart/form-data, field {@code file}). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PlanCatalog.PlanVersion> upload(@RequestParam("file") MultipartFile file) throws IOException {
        return register(text(file.getBytes()));
    }

    /**
     * A plan file checked as registering it would check it, nothing stored: its problems with their lines (400, as
     * {@code POST /api/plans} refuses them), or what it holds and the version it would become. Body as for
     * registering: the file itself ({@code application/yaml}) or a multipart {@code file}.
     */
    @PostMapping(path = "/preview", consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    PlanPreview preview(@RequestBody(required = false) byte[] body) {
        return preview(text(body));
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PlanPreview previewUpload(@RequestParam("file") MultipartFile file) throws IOException {
        return preview(text(file.getBytes()));
    }

    private PlanPreview preview(String text) {
        access.requireSeesEverything("đăng ký kế hoạch");
        Plan plan = check(text);
        return PlanPreview.of(plan, plans.wouldRegister(plan, text));
    }

    /** 201 with the new version; 200 with the existing one when the same file was registered before. */
    private ResponseEntity<PlanCatalog.PlanVersion> register(String text) {
        access.requireSeesEverything("đăng ký kế hoạch");
        check(text);
        PlanCatalog.Registration registration = plans.register(text, access.userId());
        PlanCatalog.PlanVersion version = registration.version();
        if (!registration.created()) {
            return ResponseEntity.ok(version);
        }
        audit.record(access.userId(), AuditAction.PLAN_REGISTERED, "plan", version.number() + " v" + version.version(),
                "%s — phiên bản %d".formatted(version.title(), version.version()));
        URI location = UriComponentsBuilder.fromPath("/api/plans/file").queryParam("number", version.number())
                .queryParam("version", version.version()).encode().build().toUri();
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(version);
    }

    /**
     * The plan must fit the deployment's tree, and the board it names follows every unit of its campaigns: it must be
     * one that sees every unit.
     */
    private Plan check(String text) {
        Plan plan = PlanReader.read(text, 0, tree.levels().stream().map(TreeLevel::key).toList());
        if (!security.observerGroups().contains(plan.organisingGroup())) {
            throw new PlanException(List.of(("Cơ quan chủ trì '%s' (organisingGroup) không phải một ban theo dõi mọi đơn vị "
                    + "của hệ thống (có: %s)").formatted(plan.organisingGroup(), String.join(", ", security.observerGroups()))));
        }
        return plan;
    }

    private static String text(byte[] body) {
        return UploadedText.decode(body, "Tệp kế hoạch", MAX_FILE_BYTES,
                "tối đa %,d ký tự".formatted(Limits.MAX_PLAN_FILE));
    }
}
