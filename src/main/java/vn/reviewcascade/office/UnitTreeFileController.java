package vn.reviewcascade.office;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.reviewcascade.Limits;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.UploadedText;
import vn.reviewcascade.people.People;
import vn.reviewcascade.security.UnitAccess;
import vn.reviewcascade.unit.TreeChanges;
import vn.reviewcascade.unit.UnitTreeFiles;

/**
 * The tree's versions and the applying of a newer tree file, for the office page. Reading the versions and their
 * files is open to every signed-in user, as the tree is; previewing and applying a file to those who start campaigns
 * (administrators and the boards that see every unit). The tree files shipped with the application are offered by
 * {@link SampleFiles}.
 */
@RestController
@RequestMapping("/api/unit-trees")
class UnitTreeFileController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final UnitTreeFiles files;
    private final UnitAccess access;
    private final People people;

    UnitTreeFileController(UnitTreeFiles files, UnitAccess access, People people) {
        this.files = files;
        this.access = access;
        this.people = people;
    }

    /** A version as the office page lists it: who applied it by name beside the login. */
    record TreeVersion(long id, String fileName, int units, Instant appliedAt, String appliedBy, String appliedByName) {
    }

    @GetMapping
    List<TreeVersion> versions() {
        List<UnitTreeFiles.TreeFile> versions = files.versions();
        Map<String, String> names = people.userNames(versions.stream().map(UnitTreeFiles.TreeFile::appliedBy)
                .filter(Objects::nonNull).toList());
        return versions.stream().map(version -> new TreeVersion(version.id(), version.fileName(), version.units(),
                version.appliedAt(), version.appliedBy(), names.get(version.appliedBy()))).toList();
    }

    @GetMapping("/{id}/file")
    ResponseEntity<String> file(@PathVariable long id) {
        String source = files.source(id).orElseThrow(() -> new NotFoundException("Không có phiên bản cây đơn vị số " + id));
        return csv("cay-don-vi-" + id + ".csv", source);
    }

    /** What applying the uploaded file (multipart field {@code file}) would change; nothing stored. */
    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    TreeChanges preview(@RequestParam("file") MultipartFile file) throws IOException {
        access.requireSeesEverything("nạp cây đơn vị");
        return files.preview(name(file), text(file));
    }

    /** Applies the uploaded file: 201 with the new version, 200 with the served one when it is the same file. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UnitTreeFiles.TreeFile> apply(@RequestParam("file") MultipartFile file) throws IOException {
        access.requireSeesEverything("nạp cây đơn vị");
        Optional<UnitTreeFiles.TreeFile> applied = files.apply(name(file), text(file), access.userId());
        if (applied.isEmpty()) {
            List<UnitTreeFiles.TreeFile> versions = files.versions();
            return ResponseEntity.ok(versions.get(versions.size() - 1));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(applied.get());
    }

    private static String text(MultipartFile file) throws IOException {
        return UploadedText.decode(file.getBytes(), "Tệp cây đơn vị", Limits.MAX_TREE_FILE_BYTES,
                "tối đa %d MB".formatted(Limits.MAX_TREE_FILE_BYTES / (1024 * 1024)));
    }

    /** The uploaded file's own name, without a path, as the versions list shows it. */
    private static String name(MultipartFile file) {
        String original = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? "cay-don-vi.csv" : name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static ResponseEntity<String> csv(String fileName, String text) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(text);
    }
}
