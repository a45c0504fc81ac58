package vn.reviewcascade.campaign;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code review-cascade.*} in application.yaml.
 *
 * @param plans the plan templates campaigns are started from
 */
@Validated
@ConfigurationProperties("review-cascade")
public record CascadeProperties(@NotEmpty List<@Valid PlanTemplate> plans) {
}
