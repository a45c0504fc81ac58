package vn.reviewcascade.unit;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
class UnitTreeConfiguration {

    /** A malformed file stops the application here, before the engine can start anything from it. */
    @Bean
    UnitTree unitTree(@Value("${review-cascade.units-file}") Resource file) throws IOException {
        try (InputStream input = file.getInputStream()) {
            return UnitTreeCsvReader.read(input, file.getDescription());
        }
    }
}
