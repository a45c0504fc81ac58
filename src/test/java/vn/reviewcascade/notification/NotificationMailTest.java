package vn.reviewcascade.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.TestDocuments;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.document.IssuedDocuments;
import vn.reviewcascade.report.DocumentKind;
import vn.reviewcascade.report.UnitDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/** Mails through a real SMTP server in the test JVM, with the engine clock moved and jobs executed. */
class NotificationMailTest extends CascadeTestSupport {

    @Autowired GreenMail greenMail;
    @Autowired MailOutbox outbox;
    @Autowired UnitDocuments documents;
    @Autowired IssuedDocuments issuedDocuments;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void usersAndAnEmptyMailbox() {
        user("cc.dt", "cc.dt@cocon.test", "CC.drafters");
        user("cc.bad", "không-phải-địa-chỉ", "CC.drafters");
        user("cc.none", null, "CC.drafters");
        user("cc.kd", "cc.kd@cocon.test", "CC.signers");
        user("vl.td", "vl.td@vinhlinh.test", "VL.reviewers");
        user("vlc.kd", "vlc.kd@vinhchap.test", "VL-C.signers");
        user("tu.bdv", "bdv@tinhuy.test", "bdv-tu");
        if (!greenMail.isRunning()) {
            greenMail.start();
        }
        greenMail.reset();
    }

    @Test
    void remindersGoOutSevenDaysAndOneDayBeforeTheDeadlineWithALinkToTheTask() throws Exception {
        Campaign campaign = start("CC");
        Task draft = task(campaign, "CC", "DraftDocument");

        moveClockTo("2030-10-23T23:59:59+07:00");
        runJobs(campaign);
        List<MimeMessage> first = received("Nhắc hạn");
        assertThat(first).singleElement().satisfies(mail -> {
            assertThat(recipients(mail)).containsExactly("cc.dt@cocon.test");
            assertThat(mail.getSubject()).isEqualTo(
                    "Nhắc hạn – Kế hoạch 117-KH/TU: Dự thảo báo cáo sơ kết – Huyện ủy Cồn Cỏ (đợt " + campaign.id() + "), còn 7 ngày");
            assertThat(text(mail)).contains("phải hoàn thành trước 23:59 ngày 30/10/2030", "Thời gian còn lại: 7 ngày",
                    "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + draft.getId());
            assertThat(html(mail)).contains("href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=" + draft.getId() + "\"");
            assertThat(text(mail)).as("addressed to the group by role and unit, never its id")
                    .startsWith("Kính gửi các đồng chí Chuyên viên dự thảo – Huyện ủy Cồn Cỏ,").doesNotContain("CC.drafters");
        });
        OutboxEntry logged = outbox.findByCampaign(campaign.id()).get(0);
        assertThat(logged.status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(logged.skipped()).as("by name, with the account's id to find it in Admin").containsExactlyInAnyOrder(
                "Người thử cc.bad (cc.bad): địa chỉ thư \"không-phải-địa-chỉ\" không hợp lệ",
                "Người thử cc.none (cc.none): không có địa chỉ thư");

        moveClockTo("2030-10-30T06:00:00+07:00");
        runJobs(campaign);
        assertThat(received("Nhắc hạn")).hasSize(2).last().satisfies(mail ->
                assertThat(mail.getSubject()).endsWith("còn 18 giờ"));
    }

    @Test
    void aReminderOfATaskSomeoneHasTakenGoesToThemByName() throws Exception {
        if (identityService.createUserQuery().userId("cc.trang").count() == 0) {
            User user = identityService.newUser("cc.trang");
            // As the user import stores a name: the given name first, the family and middle names last.
            user.setFirstName("Trang");
            user.setLastName("Phan Thị Thu");
            user.setEmail("trang@cocon.test");
            user.setPassword("mat-khau-thu-nghiem");
            identityService.saveUser(user);
        }
        Campaign campaign = start("CC");
        taskService.claim(task(campaign, "CC", "DraftDocument").getId(), "cc.trang");

        moveClockTo("2030-10-23T23:59:59+07:00");
        runJobs(campaign);
        assertThat(received("Nhắc hạn")).singleElement().satisfies(mail -> {
            assertThat(recipients(mail)).containsExactly("trang@cocon.test");
            assertThat(text(mail)).startsWith("Kính gửi đồng chí Phan Thị Thu Trang,").doesNotContain("cc.trang");
            assertThat(html(mail)).contains("Kính gửi <span>đồng chí Phan Thị Thu Trang</span>,");
        });
    }

    @Test
    void aUnitThatHasSubmittedIsNotReminded() throws Exception {
        Campaign campaign = start("CC");
        moveClockTo("2030-10-24T00:00:00+07:00");
        runJobs(campaign);
        assertThat(received("Nhắc hạn")).hasSize(1);

        submitReport(campaign, "CC", draft(1));
        moveClockTo("2030-10-30T12:00:00+07:00");
        runJobs(campaign);

        assertThat(received("Nhắc hạn")).hasSize(1);
        assertThat(received("Quá hạn")).isEmpty();
    }

    @Test
    void theSameReminderJobRunTwiceAtOnceSendsOneMail() throws Exception {
        Campaign campaign = start("CC");
        moveClockTo("2030-10-24T00:00:00+07:00");
        Job reminder = dueJobs(campaign).stream().filter(job -> "BurstDue".equals(activityOf(job))).findFirst().orElseThrow();

        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            pool.submit(() -> {
                try {
                    go.await();
                    managementService.executeJob(reminder.getId());
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        runJobs(campaign);

        assertThat(failures).as("at most the loser of the race fails").hasSizeLessThanOrEqualTo(1);
        assertThat(received("Nhắc hạn")).hasSize(1);
        assertThat(outbox.findByCampaign(campaign.id())).hasSize(1);
    }

    @Test
    void aMissedDeadlineIsEscalatedOnceToLeadersParentReviewersAndBanDanVan() throws Exception {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        submitReport(campaign, "VL-A", draft(1));
        submitReport(campaign, "VL-B", draft(1));

        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobs(campaign);
        moveClockTo("2030-10-05T00:00:00+07:00");
        runJobs(campaign);

        assertThat(received("Quá hạn")).singleElement().satisfies(mail -> {
            assertThat(recipients(mail)).containsExactlyInAnyOrder("vlc.kd@vinhchap.test", "vl.td@vinhlinh.test", "bdv@tinhuy.test");
            assertThat(mail.getSubject()).isEqualTo("Quá hạn – Kế hoạch 117-KH/TU: Đảng ủy xã Vĩnh Chấp chưa gửi báo cáo sơ kết");
            assertThat(text(mail)).contains("phải gửi báo cáo sơ kết trước 23:59 ngày 30/09/2030",
                    "Đề nghị Huyện ủy Vĩnh Linh đôn đốc");
            assertThat(text(mail)).as("addressed to the groups as people name them").startsWith("Kính gửi các đồng chí "
                    + "Lãnh đạo ký duyệt – Đảng ủy xã Vĩnh Chấp; Người thẩm định – Huyện ủy Vĩnh Linh; Ban Dân vận Tỉnh ủy,");
        });
    }

    @Test
    void theDailyDigestListsOverdueUnitsByDistrictToBanDanVan() throws Exception {
        Campaign campaign = start("TU");
        moveClockTo("2030-10-01T06:00:00+07:00");
        runJobs(campaign);
        greenMail.reset();

        moveClockTo("2030-10-01T07:00:00+07:00");
        runJobs(campaign);

        assertThat(received("Tổng hợp quá hạn")).singleElement().satisfies(mail -> {
            assertThat(recipients(mail)).containsExactly("bdv@tinhuy.test");
            assertThat(mail.getSubject()).isEqualTo("Tổng hợp quá hạn – Kế hoạch 117-KH/TU: 3 đơn vị chưa gửi báo cáo");
            String text = text(mail);
            assertThat(text).contains("Huyện ủy Vĩnh Linh: 3 đơn vị\n",
                    "  - Đảng ủy xã Vĩnh Thái: hạn 23:59 ngày 30/09/2030, quá hạn 7 giờ",
                    "Danh sách đầy đủ: http://localhost:8080/dashboard/?campaign=" + campaign.id());
            assertThat(text.indexOf("Đảng ủy xã Vĩnh Chấp")).isGreaterThan(text.indexOf("Huyện ủy Vĩnh Linh"));
        });

        moveClockTo("2030-10-02T07:00:00+07:00");
        runJobs(campaign);
        assertThat(received("Tổng hợp quá hạn")).as("once a day").hasSize(2);
    }

    @Test
    void mailsWaitOutAnSmtpOutageAndArriveExactlyOnce() throws Exception {
        Campaign campaign = start("VL");
        issueGuidance(campaign, "VL");
        greenMail.stop();

        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobsAllowingFailures(campaign);
        List<OutboxEntry> waiting = outbox.findByCampaign(campaign.id());
        assertThat(waiting).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.status()).isEqualTo(OutboxEntry.Status.PENDING);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.lastError()).isNotBlank();
        });

        greenMail.start();
        moveClockTo("2030-10-01T00:02:00+07:00");
        runJobs(campaign);

        List<OutboxEntry> sent = outbox.findByCampaign(campaign.id());
        assertThat(sent).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(OutboxEntry.Status.SENT));
        assertThat(received("")).hasSize(sent.size());
        // One mail per person: Vĩnh Chấp's leader about it, the district's reviewer and the board about all three.
        assertThat(received("Quá hạn")).hasSize(2);
        assertThat(received("").stream().map(this::subjectAndRecipients).distinct()).hasSize(sent.size());
    }

    @Test
    void whenRetriesRunOutAnIncidentShowsAndARetryFromCockpitDelivers() throws Exception {
        Campaign campaign = start("CC");
        greenMail.stop();
        moveClockTo("2030-10-24T00:00:00+07:00");
        String instant = "2030-10-24T%02d:00:00+07:00";
        for (int hour = 0; hour < 12 && runtimeService.createIncidentQuery().count() == incidentsBefore(); hour++) {
            moveClockTo(instant.formatted(hour));
            runJobsAllowingFailures(campaign);
        }
        Incident incident = runtimeService.createIncidentQuery().incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
                .activityId("SendMail").list().stream()
                .filter(i -> instanceIds(campaign).contains(i.getProcessInstanceId())).findFirst().orElseThrow();
        assertThat(outbox.findByCampaign(campaign.id()).get(0).attempts()).isEqualTo(6);

        greenMail.start();
        managementService.setJobRetries(incident.getConfiguration(), 1);
        managementService.executeJob(incident.getConfiguration());

        assertThat(received("Nhắc hạn")).hasSize(1);
        assertThat(runtimeService.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
    }

    @Test
    void aMailSentAgainAfterItsNodeDiedCarriesTheSameMessageIdAndKey() throws Exception {
        Campaign campaign = start("CC");
        moveClockTo("2030-10-24T00:00:00+07:00");
        runJobsBut(campaign, "SendMail");
        Job delivery = dueJobs(campaign).stream().filter(job -> "SendMail".equals(activityOf(job))).findFirst().orElseThrow();

        // The node dies after the send was recorded, before its job's transaction commits: the job runs again
        // and finds the mail sent.
        TransactionTemplate dying = new TransactionTemplate(transactionManager);
        for (int run = 0; run < 2; run++) {
            dying.executeWithoutResult(transaction -> {
                managementService.executeJob(delivery.getId());
                transaction.setRollbackOnly();
            });
        }
        OutboxEntry entry = outbox.findByCampaign(campaign.id()).get(0);
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(received("Nhắc hạn")).hasSize(1);

        // The node dies between the send and its record: the mail is still pending, and the job sends it again.
        jdbc.sql("update mail_outbox set status = 'PENDING', sent_at = null where id = ?").param(entry.id()).update();
        managementService.executeJob(delivery.getId());

        List<MimeMessage> deliveries = received("Nhắc hạn");
        assertThat(deliveries).hasSize(2).allSatisfy(mail -> {
            assertThat(mail.getMessageID()).matches("<[0-9a-f]{32}@review-cascade\\.localhost\\.localdomain>");
            assertThat(mail.getHeader("X-Review-Cascade-Key")).containsExactly(entry.key());
        });
        assertThat(deliveries.get(1).getMessageID()).isEqualTo(deliveries.get(0).getMessageID());
        assertThat(outbox.findByCampaign(campaign.id())).singleElement()
                .satisfies(sent -> assertThat(sent.status()).isEqualTo(OutboxEntry.Status.SENT));
        assertThat(dueJobs(campaign)).isEmpty();
    }

    @Test
    void theSignedFinalReportIsDistributedWithItsDocumentAttached() throws Exception {
        Campaign campaign = start("CC");
        byte[] pdf = TestDocuments.pdf();
        documents.store(campaign.id(), "CC", DocumentKind.REPORT, "Báo cáo sơ kết.pdf", pdf, "cc.dt");
        submitReport(campaign, "CC", draft(1));
        runJobs(campaign);

        MimeMessage mail = received("Kế hoạch 117-KH/TU: Báo cáo sơ kết").get(0);
        assertThat(recipients(mail)).containsExactly("ban-bi-thu@tw.test", "ban-dan-van@tw.test");
        assertThat(mail.getSubject()).matches("Kế hoạch 117-KH/TU: Báo cáo sơ kết số \\d+-BC/HU của Huyện ủy Cồn Cỏ");
        assertThat(text(mail)).contains("Nơi nhận:", "- Ban Bí thư Trung ương (b/c);", "- Lưu Văn phòng Tỉnh ủy;",
                "T/M BAN THƯỜNG VỤ");
        // The report as issued and signed, then the document the unit attached to it.
        List<Part> attached = attachments(mail);
        IssuedDocuments.Issued issued = issuedDocuments.find(campaign.id(), "CC", DocumentKind.REPORT).orElseThrow();
        assertThat(attached).extracting(Part::getFileName)
                .containsExactly("Báo cáo " + issued.number().replace('/', '-') + ".pdf", "Báo cáo sơ kết.pdf");
        assertThat(attached.get(0).getContentType()).startsWith("application/pdf");
        assertThat(attached.get(0).getInputStream().readAllBytes()).isEqualTo(issued.pdf());
        assertThat(attached.get(1).getInputStream().readAllBytes()).isEqualTo(pdf);
        OutboxEntry logged = outbox.findByCampaign(campaign.id()).stream()
                .filter(entry -> entry.kind() == MailKind.DISTRIBUTION).findFirst().orElseThrow();
        assertThat(logged.skipped()).contains("Lưu Văn phòng Tỉnh ủy: địa chỉ thư \"van phong tinh uy\" không hợp lệ",
                "Các tổ chức chính trị - xã hội cấp tỉnh: không có địa chỉ thư");
    }

    private long incidentsBefore = -1;

    private long incidentsBefore() {
        if (incidentsBefore < 0) {
            incidentsBefore = runtimeService.createIncidentQuery().count();
        }
        return incidentsBefore;
    }

    /** Like runJobs, but a failing job (the mail server is down) keeps its failure and is retried later. */
    private void runJobsAllowingFailures(Campaign campaign) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = dueJobs(campaign);
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    if (managementService.createJobQuery().jobId(job.getId()).count() > 0) {
                        managementService.executeJob(job.getId());
                    }
                } catch (RuntimeException expected) {
                    // Its retry is scheduled after the current engine time, so the loop ends.
                }
            }
        }
    }

    /** Like runJobs, leaving the jobs of one activity for the test to run. */
    private void runJobsBut(Campaign campaign, String activityId) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = dueJobs(campaign).stream().filter(job -> !activityId.equals(activityOf(job))).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep falling due");
    }

    private String activityOf(Job job) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    private void user(String id, String email, String group) {
        user(id, email, "mat-khau-thu-nghiem", group);
    }

    /**
     * One element per delivery. GreenMail keeps a copy per recipient, and the copies of one delivery share its
     * Message-ID; but so do the deliveries of a mail sent again, which must still count twice.
     */
    private List<MimeMessage> received(String subjectPrefix) throws MessagingException {
        Map<String, List<MimeMessage>> copiesById = new LinkedHashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getSubject().startsWith(subjectPrefix)) {
                copiesById.computeIfAbsent(message.getMessageID(), id -> new ArrayList<>()).add(message);
            }
        }
        List<MimeMessage> deliveries = new ArrayList<>();
        for (List<MimeMessage> copies : copiesById.values()) {
            int recipients = recipients(copies.get(0)).size();
            for (int copy = 0; copy < copies.size(); copy += recipients) {
                deliveries.add(copies.get(copy));
            }
        }
        return deliveries;
    }

    private String subjectAndRecipients(MimeMessage message) {
        try {
            return message.getSubject() + recipients(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        return Arrays.stream(to).map(Address::toString).toList();
    }

    private static String text(MimeMessage message) throws Exception {
        return part(message, "text/plain").replace("\r\n", "\n");
    }

    private static String html(MimeMessage message) throws Exception {
        return part(message, "text/html");
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<Part> attachments(Part part) throws Exception {
        List<Part> found = new ArrayList<>();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            found.add(part);
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.addAll(attachments(child));
            }
        }
        return found;
    }
}
