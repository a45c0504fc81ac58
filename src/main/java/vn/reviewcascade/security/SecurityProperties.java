package vn.reviewcascade.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param observerGroups boards that follow every unit of every campaign (read all, use Cockpit) */
@ConfigurationProperties("review-cascade.security")
public record SecurityProperties(List<String> observerGroups) {

    public SecurityProperties {
        observerGroups = observerGroups == null ? List.of() : List.copyOf(observerGroups);
    }
}
