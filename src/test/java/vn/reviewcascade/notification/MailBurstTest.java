package vn.reviewcascade.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;

import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders and escalations as bursts: one job per campaign and instant, one mail per person, each mail delivered
 * once however often its delivery job runs. The engine clock is moved and jobs executed; each person has a mail
 * domain of their own, so what reaches them is told apart from what other test classes' users receive.
 */
class MailBurstTest extends CascadeTestSupport {

    @Autowired GreenMail greenMail;
    @Autowired MailOutbox outbox;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void usersAndAServer() {
        // One drafter of three communes of Vĩnh Linh, and one of a single commune.
        user("bt.multi", "bt.multi@multi.burst.test", "mat-khau-thu-nghiem", "VL-A.drafters");
        member("bt.multi", "VL-B.drafters");
        member("bt.multi", "VL-C.drafters");
        user("bt.one", "bt.one@one.burst.test", "mat-khau-thu-nghiem", "VL-A.drafters");
        user("bt.board", "bt.board@board.burst.test", "mat-khau-thu-nghiem", "bdv-tu");
        user("bt.district", "bt.district@district.burst.test", "mat-khau-thu-nghiem", "VL.reviewers");
        if (!greenMail.isRunning()) {
            greenMail.start();
        }
    }

    @Test
    void aPersonDraftingForSeveralUnitsGetsOneReminderListingThemAll() throws Exception {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        Instant due = campaign.deadlines().reportDue("BASE");

        ClockUtil.setCurrentTime(Date.from(due.minus(campaign.remindersFor("BASE").get(0))));
        runJobs(campaign);

        assertThat(deliveredTo("multi.burst.test")).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Nhắc hạn – Kế hoạch 117-KH/TU: 3 việc sắp đến hạn, sớm nhất còn 7 ngày");
            assertThat(recipients(mail)).as("no one else holds exactly these three").containsExactly("bt.multi@multi.burst.test");
            assertThat(text(mail)).startsWith("Kính gửi các đồng chí Chuyên viên dự thảo – ")
                    .contains(unitName(campaign, "VL-A"), unitName(campaign, "VL-B"), unitName(campaign, "VL-C"),
                            "hạn 23:59 ngày 30/09/2030, còn 7 ngày");
        });
        assertThat(deliveredTo("one.burst.test")).as("the drafter of one commune is reminded of it alone").singleElement()
                .satisfies(mail -> {
                    assertThat(mail.getSubject()).startsWith("Nhắc hạn – Kế hoạch 117-KH/TU: Dự thảo báo cáo sơ kết – "
                            + unitName(campaign, "VL-A")).endsWith(", còn 7 ngày");
                    assertThat(recipients(mail)).contains("bt.one@one.burst.test").doesNotContain("bt.multi@multi.burst.test");
                });
        assertThat(reminderRows(campaign)).as("one outbox row per mail of the burst, none per unit")
                .filteredOn(row -> row.recipients().contains("bt.multi@multi.burst.test")).hasSize(1);

        // The next reminder is a burst of its own: one more mail each.
        ClockUtil.setCurrentTime(Date.from(due.minus(campaign.remindersFor("BASE").get(1))));
        runJobs(campaign);
        assertThat(deliveredTo("multi.burst.test")).hasSize(2);
        assertThat(deliveredTo("one.burst.test")).hasSize(2);
    }

    @Test
    void aMissedDeadlineIsEscalatedForEveryUnitWithOneMailToTheBoardAndOneToTheDistrict() throws Exception {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));

        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobs(campaign);

        assertThat(jdbc.sql("select unit_code from escalation where campaign_id = ? order by unit_code").param(campaign.id())
                .query(String.class).list()).as("every unit's process still raised its escalation").containsExactly("VL-B", "VL-C");
        assertThat(reportService.unit(campaign.id(), "VL-B").overdue()).isTrue();
        for (String domain : List.of("board.burst.test", "district.burst.test")) {
            assertThat(deliveredTo(domain)).singleElement().satisfies(mail -> {
                assertThat(mail.getSubject()).isEqualTo("Quá hạn – Kế hoạch 117-KH/TU: 2 đơn vị chưa gửi báo cáo sơ kết");
                assertThat(text(mail)).contains("- " + unitName(campaign, "VL-B") + " (thuộc Huyện ủy Vĩnh Linh)",
                        "- " + unitName(campaign, "VL-C") + " (thuộc Huyện ủy Vĩnh Linh)", "phải gửi báo cáo sơ kết trước 23:59 ngày 30/09/2030")
                        .doesNotContain(unitName(campaign, "VL-A"));
            });
        }
        assertThat(deliveredTo("board.burst.test").get(0).getMessageID()).as("the board and the district read the same units")
                .isEqualTo(deliveredTo("district.burst.test").get(0).getMessageID());

        moveClockTo("2030-10-05T00:00:00+07:00");
        runJobs(campaign);
        assertThat(deliveredTo("board.burst.test")).as("once per missed deadline").hasSize(1);
    }

    @Test
    void aDeliveryJobRunTwiceAtOnceSendsEachMailOnce() throws Exception {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobsBut(campaign, "SendMail");
        List<Job> deliveries = dueJobs(campaign);
        assertThat(deliveries).isNotEmpty();

        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (Job delivery : deliveries) {
            for (int copy = 0; copy < 2; copy++) {
                pool.submit(() -> {
                    try {
                        go.await();
                        managementService.executeJob(delivery.getId());
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
            }
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        runJobs(campaign);

        assertThat(failures).as("only losers of a race over the same job fail").hasSizeLessThanOrEqualTo(deliveries.size());
        List<OutboxEntry> sent = outbox.findByCampaign(campaign.id()).stream()
                .filter(entry -> entry.status() == OutboxEntry.Status.SENT).toList();
        assertThat(sent).isNotEmpty();
        Map<String, Integer> deliveriesByKey = new HashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            String key = message.getHeader(OutboxMimeMessage.KEY_HEADER)[0];
            if (sent.stream().anyMatch(entry -> entry.key().equals(key))) {
                deliveriesByKey.merge(key, 1, Integer::sum);
            }
        }
        for (OutboxEntry entry : sent) {
            assertThat(deliveriesByKey.get(entry.key())).as("copies of " + entry.key() + ", one per recipient")
                    .isEqualTo(entry.recipients().size());
        }
    }

    private void runJobsBut(Campaign campaign, String activityId) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = dueJobs(campaign).stream().filter(job -> !activityId.equals(managementService
                    .createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep falling due");
    }

    private void member(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    private String unitName(Campaign campaign, String unitCode) {
        return reportService.unit(campaign.id(), unitCode).unitName();
    }

    private List<OutboxEntry> reminderRows(Campaign campaign) {
        return outbox.findByCampaign(campaign.id()).stream().filter(entry -> entry.kind() == MailKind.REMINDER).toList();
    }

    /** The mails delivered to the one mailbox of this domain. */
    private List<MimeMessage> deliveredTo(String domain) {
        return Arrays.asList(greenMail.getReceivedMessagesForDomain(domain));
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        return Arrays.stream(to).map(Address::toString).toList();
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return ((String) part.getContent()).replace("\r\n", "\n");
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
