package vn.reviewcascade.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.reviewcascade.CascadeTestSupport;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.reorganisation.ReportDeadlinesMoved;

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
    @Autowired ApplicationEventPublisher events;
    @Autowired ProcessEngineConfigurationImpl engineConfiguration;

    @BeforeEach
    void usersAndAnEmptyMailbox() {
        // In the wide district no other test class mails: one drafter of three of its units, one of a single unit,
        // and a reviewer of the district. The organising board (bdv-tu) is other classes' too: it gets no user here.
        user("bt.multi", "bt.multi@multi.burst.test", "mat-khau-thu-nghiem", "WIDE-001.drafters");
        member("bt.multi", "WIDE-002.drafters");
        member("bt.multi", "WIDE-003.drafters");
        user("bt.one", "bt.one@one.burst.test", "mat-khau-thu-nghiem", "WIDE-001.drafters");
        user("bt.district", "bt.district@district.burst.test", "mat-khau-thu-nghiem", "WIDE.reviewers");
        if (!greenMail.isRunning()) {
            greenMail.start();
        }
        greenMail.reset();
    }

    @Test
    void aPersonDraftingForSeveralUnitsGetsOneReminderListingThemAll() throws Exception {
        Campaign campaign = start("WIDE");
        issueGuidance(campaign, "WIDE");
        Instant due = campaign.deadlines().reportDue("BASE");

        ClockUtil.setCurrentTime(Date.from(due.minus(campaign.remindersFor("BASE").get(0))));
        runJobs(campaign);

        assertThat(deliveredTo("multi.burst.test")).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Nhắc hạn – Kế hoạch 117-KH/TU: 3 việc sắp đến hạn, sớm nhất còn 7 ngày");
            assertThat(recipients(mail)).as("no one else holds exactly these three").containsExactly("bt.multi@multi.burst.test");
            assertThat(text(mail)).startsWith("Kính gửi các đồng chí Chuyên viên dự thảo – ")
                    .contains(unitName(campaign, "WIDE-001"), unitName(campaign, "WIDE-002"), unitName(campaign, "WIDE-003"),
                            "hạn 23:59 ngày 30/09/2030, còn 7 ngày");
        });
        assertThat(deliveredTo("one.burst.test")).as("the drafter of one commune is reminded of it alone").singleElement()
                .satisfies(mail -> {
                    assertThat(mail.getSubject()).startsWith("Nhắc hạn – Kế hoạch 117-KH/TU: Dự thảo báo cáo sơ kết – "
                            + unitName(campaign, "WIDE-001")).endsWith(", còn 7 ngày");
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
    void aMissedDeadlineIsEscalatedForEveryUnitWithOneMailToTheDistrictAndTheBoard() throws Exception {
        Campaign campaign = start("WIDE");
        issueGuidance(campaign, "WIDE");
        submitReport(campaign, "WIDE-001", draft(1));

        moveClockTo("2030-10-01T00:00:00+07:00");
        runJobs(campaign);

        List<String> escalated = jdbc.sql("select unit_code from escalation where campaign_id = ? order by unit_code")
                .param(campaign.id()).query(String.class).list();
        assertThat(escalated).as("every unit's process still raised its escalation").hasSize(39).doesNotContain("WIDE-001");
        assertThat(reportService.unit(campaign.id(), "WIDE-002").overdue()).isTrue();
        assertThat(deliveredTo("district.burst.test")).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Quá hạn – Kế hoạch 117-KH/TU: 39 đơn vị chưa gửi báo cáo sơ kết");
            // With the organising board too when other test classes gave it members: it answers for the same units.
            assertThat(text(mail)).startsWith("Kính gửi các đồng chí Người thẩm định – Đảng ủy Khối thử nghiệm tải")
                    .contains("- " + unitName(campaign, "WIDE-002") + " (thuộc Đảng ủy Khối thử nghiệm tải)",
                            "phải gửi báo cáo sơ kết trước 23:59 ngày 30/09/2030")
                    .doesNotContain(unitName(campaign, "WIDE-001") + " (");
        });
        assertThat(outbox.findByCampaign(campaign.id())).as("one escalation mail for the district's reviewers and the board")
                .filteredOn(entry -> entry.subject().startsWith("Quá hạn – Kế hoạch 117-KH/TU: 39 đơn vị")).hasSize(1);

        moveClockTo("2030-10-05T00:00:00+07:00");
        runJobs(campaign);
        assertThat(deliveredTo("district.burst.test")).as("once per missed deadline").hasSize(1);
    }

    /**
     * At a report deadline the burst's one timer falls due with every unit's own deadline timer (tens of thousands at
     * national size): the job executor's acquisition, as the engine runs it, takes the burst's job first, so its mails
     * are written within seconds of the deadline rather than after every unit's timer.
     */
    @Test
    void atADeadlineTheBurstsJobIsTakenBeforeTheUnitsTimersDueWithIt() {
        Campaign campaign = start("WIDE");
        issueGuidance(campaign, "WIDE");
        Instant due = campaign.deadlines().reportDue("BASE");
        ClockUtil.setCurrentTime(Date.from(due.minusMillis(1)));
        runJobs(campaign);

        ClockUtil.setCurrentTime(Date.from(due));
        Set<String> instances = instanceIds(campaign);
        String bursts = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign.id() + "/bursts")
                .singleResult().getId();
        List<String> taken = engineConfiguration.getCommandExecutorTxRequired()
                .execute(context -> context.getJobManager().findNextJobsToExecute(new Page(0, 10_000))).stream()
                .map(AcquirableJobEntity::getProcessInstanceId).filter(instances::contains).toList();

        assertThat(taken).as("the burst's timer and the 40 base units' deadline timers are due").hasSizeGreaterThan(40);
        assertThat(taken.get(0)).as("the burst's job is taken first").isEqualTo(bursts);
        runJobs(campaign);
    }

    /**
     * A deadline given as a date-time keeps the fraction of a second its text carried — microseconds, from a client
     * that sends its clock's time — while the engine keeps a burst's instant as a {@link Date}, to the millisecond.
     * Each burst still writes its mails and moves on to the next instant: runJobs fails if the timer falls due again
     * and again.
     */
    @Test
    void deadlinesToTheMicrosecondAreRemindedAndEscalatedEachOnce() throws Exception {
        Campaign campaign = start("WIDE", Map.of("BASE", Map.of("report", "2030-09-30T12:00:00.123456+07:00")));
        issueGuidance(campaign, "WIDE");
        Instant due = campaign.deadlines().reportDue("BASE");
        assertThat(due.getNano() % 1_000_000).as("a deadline finer than the engine's dates").isNotZero();

        ClockUtil.setCurrentTime(Date.from(due.minus(campaign.remindersFor("BASE").get(0))));
        runJobs(campaign);
        assertThat(deliveredTo("multi.burst.test")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).endsWith("3 việc sắp đến hạn, sớm nhất còn 7 ngày"));
        assertThat(burstTimer(campaign).getDuedate()).as("the next instant, not the one just run")
                .isEqualTo(Date.from(due.minus(campaign.remindersFor("BASE").get(1))));

        ClockUtil.setCurrentTime(Date.from(due.minus(campaign.remindersFor("BASE").get(1))));
        runJobs(campaign);
        assertThat(deliveredTo("multi.burst.test")).hasSize(2);

        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
        runJobs(campaign);
        assertThat(deliveredTo("district.burst.test")).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Quá hạn – Kế hoạch 117-KH/TU: 40 đơn vị chưa gửi báo cáo sơ kết"));
    }

    /**
     * A unit given a report deadline of its own (a merged unit's successor, by a reorganisation: recorded as the
     * reorganiser records it, then {@link ReportDeadlinesMoved} published as it publishes it) is escalated at that
     * deadline, whether the bursts were waiting for a later instant or had ended with the campaign's last one.
     */
    @Test
    void aUnitsOwnDeadlineWakesTheBurstsEarlierOrStartsThemAgain() throws Exception {
        Campaign campaign = start("WIDE");
        issueGuidance(campaign, "WIDE");
        moveClockTo("2030-10-05T08:00:00+07:00");
        runJobs(campaign);
        Date waitingFor = burstTimer(campaign).getDuedate();

        giveOwnDeadline(campaign, "WIDE-002", "2030-10-10T23:59:59+07:00");
        assertThat(burstTimer(campaign).getDuedate()).as("woken for the day before, not at " + waitingFor)
                .isEqualTo(Date.from(OffsetDateTime.parse("2030-10-09T23:59:59+07:00").toInstant()));
        moveClockTo("2030-10-11T08:00:00+07:00");
        runJobs(campaign);
        assertThat(lastMailTo("district.burst.test")).contains(unitName(campaign, "WIDE-002"), "trước 23:59 ngày 10/10/2030");

        moveClockTo("2031-01-01T08:00:00+07:00");
        runJobs(campaign);
        assertThat(bursts(campaign)).as("past the campaign's last instant").isEmpty();
        giveOwnDeadline(campaign, "WIDE-003", "2031-03-01T23:59:59+07:00");
        assertThat(burstTimer(campaign).getDuedate()).as("started again, for the reminder 7 days before")
                .isEqualTo(Date.from(OffsetDateTime.parse("2031-02-22T23:59:59+07:00").toInstant()));
        moveClockTo("2031-03-02T08:00:00+07:00");
        runJobs(campaign);
        assertThat(lastMailTo("district.burst.test")).contains(unitName(campaign, "WIDE-003"), "trước 23:59 ngày 01/03/2031")
                .doesNotContain(unitName(campaign, "WIDE-002"));
    }

    private void giveOwnDeadline(Campaign campaign, String unitCode, String due) {
        jdbc.sql("update campaign_unit set recomputed_report_due = ? where campaign_id = ? and unit_code = ?")
                .params(OffsetDateTime.parse(due), campaign.id(), unitCode).update();
        events.publishEvent(new ReportDeadlinesMoved(campaign.id()));
    }

    private List<ProcessInstance> bursts(Campaign campaign) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(campaign.id() + "/bursts").list();
    }

    private String lastMailTo(String domain) throws Exception {
        List<MimeMessage> mails = deliveredTo(domain);
        return text(mails.get(mails.size() - 1));
    }

    private Job burstTimer(Campaign campaign) {
        return managementService.createJobQuery().processInstanceId(bursts(campaign).get(0).getId()).timers().singleResult();
    }

    @Test
    void aDeliveryJobRunTwiceAtOnceSendsEachMailOnce() throws Exception {
        Campaign campaign = start("WIDE");
        issueGuidance(campaign, "WIDE");
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
