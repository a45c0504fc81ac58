package vn.reviewcascade.unit;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The tree served, and the schedule on which a node looks for a newer tree file applied on another ({@link UnitTreeFiles}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UnitTreeConfiguration {

    /** A malformed file stops the application here, before the engine can start anything from it. */
    @Bean
    UnitTree unitTree(@Value("${review-cascade.units-file}") Resource file) throws IOException {
        try (InputStream input = file.getInputStream()) {
            return UnitTreeCsvReader.read(input, file.getDescription());
        }
    }
}
