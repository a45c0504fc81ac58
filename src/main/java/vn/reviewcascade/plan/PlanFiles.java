package vn.reviewcascade.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import vn.reviewcascade.SetupStep;

/**
 * Registers the plan files shipped in {@code plans/} (on the classpath), so a new release's plans are there
 * without anyone uploading them. A file already registered, in any version, is left alone: a version uploaded
 * since through the API stays the latest. A shipped file with a problem stops the start, naming each line.
 */
@Component
@Order(0)
class PlanFiles implements SetupStep {

    private static final Logger log = LoggerFactory.getLogger(PlanFiles.class);

    private final PlanCatalog catalog;

    PlanFiles(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void run() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:plans/*.yaml");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                register(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the plan files on the classpath", e);
        }
    }

    private void register(Resource file) throws IOException {
        String text;
        try (InputStream input = file.getInputStream()) {
            text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        PlanCatalog.Registration registration;
        try {
            registration = catalog.register(text, null);
        } catch (DuplicateKeyException e) {
            // Another node registered the same file at the same moment.
            registration = catalog.register(text, null);
        } catch (PlanException e) {
            throw new IllegalStateException("Tệp kế hoạch " + file.getFilename() + " không dùng được:\n  "
                    + String.join("\n  ", e.problems()), e);
        }
        if (registration.created()) {
            log.info("Plan {} registered as version {} from {}", registration.version().number(),
                    registration.version().version(), file.getFilename());
        }
    }
}
