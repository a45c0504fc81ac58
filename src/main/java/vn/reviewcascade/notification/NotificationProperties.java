package vn.reviewcascade.notification;

import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code review-cascade.notifications.*}.
 *
 * @param baseUrl    where users reach the application; links in mails point into its Tasklist
 * @param from       the sender of every mail
 * @param digestCron when Ban Dân vận gets the overdue digest (Spring cron, in Vietnam's time), daily by default
 * @param retryCycle the waits between delivery attempts when the mail server fails, after which an incident is
 *                   raised (the engine's retry time cycle: a list of ISO-8601 durations)
 * @param sendRate   the most mails per second each node hands to the SMTP server (see {@link MailRate}): what the
 *                   deployment's relay accepts, divided by the number of nodes
 * @param distribution the addresses of the recipients plans name by a key ("Nơi nhận": {@code bbt} → an e-mail),
 *                     set per deployment, e.g. {@code REVIEW_CASCADE_NOTIFICATIONS_DISTRIBUTION_BBT}
 */
@Validated
@ConfigurationProperties("review-cascade.notifications")
public record NotificationProperties(@NotBlank String baseUrl, @NotBlank @Email String from, @NotBlank String digestCron,
                                     @NotBlank String retryCycle, @DefaultValue("100") @Positive double sendRate,
                                     Map<String, String> distribution) {

    public NotificationProperties {
        distribution = distribution == null ? Map.of() : Map.copyOf(distribution);
    }
}
