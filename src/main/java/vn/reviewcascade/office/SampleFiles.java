package vn.reviewcascade.office;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.reviewcascade.NotFoundException;

/**
 * The files shipped with the application that a board uploads on the office page: the unit trees of Quảng Trị (2019
 * and 2026) and the reorganisation of 1/7/2025 for the 2019 tree. Offered for download, so the walk through the
 * product needs no terminal and no copy of the source; every signed-in user may read them, as the tree is readable.
 */
@RestController
@RequestMapping("/api/samples")
class SampleFiles {

    /** A kind of sample: where it is on the classpath, what the page calls it, and how it is served. */
    private enum Kind {
        UNIT_TREES("unit-trees", "classpath*:units/*.csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),
        REORGANISATIONS("reorganisations", "classpath*:reorganisations/*.yaml",
                new MediaType("application", "yaml", StandardCharsets.UTF_8));

        final String path;
        final String pattern;
        final MediaType type;

        Kind(String path, String pattern, MediaType type) {
            this.path = path;
            this.pattern = pattern;
            this.type = type;
        }

        static Optional<Kind> of(String path) {
            return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
        }
    }

    @GetMapping("/{kind}")
    List<String> list(@PathVariable String kind) throws IOException {
        return Arrays.stream(files(kind(kind))).map(Resource::getFilename).toList();
    }

    @GetMapping("/{kind}/{name:[a-z0-9-]+\\.(?:csv|yaml)}")
    ResponseEntity<String> file(@PathVariable String kind, @PathVariable String name) throws IOException {
        Kind found = kind(kind);
        Resource file = Arrays.stream(files(found)).filter(resource -> name.equals(resource.getFilename())).findFirst()
                .orElseThrow(() -> new NotFoundException("Không có tệp mẫu " + name));
        return ResponseEntity.ok().contentType(found.type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(file.getContentAsString(StandardCharsets.UTF_8));
    }

    private static Kind kind(String path) {
        return Kind.of(path).orElseThrow(() -> new NotFoundException("Không có loại tệp mẫu " + path));
    }

    private static Resource[] files(Kind kind) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources(kind.pattern);
        Arrays.sort(found, Comparator.comparing(Resource::getFilename));
        return found;
    }
}
