package vn.reviewcascade.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.Limits;
import vn.reviewcascade.PlainText;

/**
 * The guidance a unit with subordinates issues before they write their reports ("kế hoạch hướng dẫn"): a text and,
 * if the unit wishes, a written document, drafted by its guidance drafters, signed by its leaders and numbered
 * ({@code 3-HD/HU}). Once issued every unit below it reads it. Like a report, its text lives in the application's
 * tables only, saved with a version so an older copy never overwrites a newer one.
 */
@Service
public class GuidanceService {

    private final ReportRepository reports;
    private final ReportService reportService;
    private final UnitDocuments documents;

    public GuidanceService(ReportRepository reports, ReportService reportService, UnitDocuments documents) {
        this.reports = reports;
        this.reportService = reportService;
        this.documents = documents;
    }

    /**
     * A unit's guidance as its readers see it.
     *
     * @param number   the issued document's number, null while it is drafted
     * @param issuedAt when the leaders signed it
     */
    public record GuidanceView(String unitCode, String unitName, String number, Instant issuedAt, String text, int version,
                               ReportView.DocumentInfo document) {
    }

    @Transactional(readOnly = true)
    public GuidanceView view(long campaignId, String unitCode) {
        UnitReport unit = reportService.unit(campaignId, unitCode);
        ReportRepository.GuidanceContent content = reports.loadGuidance(campaignId, unitCode);
        return new GuidanceView(unit.unitCode(), unit.unitName(), unit.guidanceNumber(), unit.guidanceIssuedAt(),
                content.text(), content.version(), documents.info(campaignId, unitCode, DocumentKind.GUIDANCE).orElse(null));
    }

    /**
     * The guidance issued above the unit in the campaign, nearest first: its parent's, then its parent's parent's, up
     * to the campaign's root — what a unit drafting its own guidance or report must follow. A level that has not
     * issued its guidance (its deadline passed, the units below started without it) is left out; the walk goes on
     * above it, since a higher level's guidance still applies.
     */
    @Transactional(readOnly = true)
    public List<GuidanceView> chain(long campaignId, String unitCode) {
        List<GuidanceView> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(unitCode));
        for (String parent = reportService.unit(campaignId, unitCode).parentCode(); parent != null && seen.add(parent);
             parent = reportService.unit(campaignId, parent).parentCode()) {
            GuidanceView guidance = view(campaignId, parent);
            if (guidance.issuedAt() != null) {
                chain.add(guidance);
            }
        }
        return List.copyOf(chain);
    }

    /** Saves the text while the guidance is drafted; with {@code basedOn}, refuses to overwrite a newer save. */
    @Transactional
    public void saveDraft(long campaignId, String unitCode, Object text, Integer basedOn) {
        reportService.requireRunning(reportService.unit(campaignId, unitCode));
        requireDrafting(reportService.unit(campaignId, unitCode));
        String given = text(text);
        store(campaignId, unitCode, given == null || given.isBlank() ? null : given, basedOn);
    }

    /** Finishes the draft (task completion): the guidance must have a text, given now or saved before. */
    @Transactional
    public void completeDraft(long campaignId, String unitCode, Object text, Integer basedOn) {
        String given = text(text);
        ReportRepository.GuidanceContent stored = current(campaignId, unitCode, basedOn);
        String result = given != null ? given : stored.text();
        if (result == null || result.isBlank()) {
            throw new InvalidInputException(GuidanceFields.TEXT, "Chưa viết nội dung kế hoạch hướng dẫn gửi các đơn vị cấp dưới");
        }
        if (given != null && !given.equals(stored.text())) {
            store(campaignId, unitCode, given, stored.version());
        }
    }

    @Transactional
    public void attachDocument(long campaignId, String unitCode, String fileName, byte[] content, String uploadedBy) {
        reportService.requireRunning(reportService.unit(campaignId, unitCode));
        requireDrafting(reportService.unit(campaignId, unitCode));
        documents.store(campaignId, unitCode, DocumentKind.GUIDANCE, fileName, content, uploadedBy);
    }

    /** Only a guidance being drafted changes: being signed or issued, it stays as it is. */
    private static void requireDrafting(UnitReport unit) {
        if (unit.status() != UnitStatus.DRAFTING_GUIDANCE) {
            throw new ReportLockedException("Kế hoạch hướng dẫn của " + unit.unitName() + " chỉ sửa được khi đang dự thảo (hiện: \""
                    + unit.status().label() + "\")" + (unit.guidanceNumber() == null ? "" : "; đã ban hành số " + unit.guidanceNumber()));
        }
    }

    private ReportRepository.GuidanceContent current(long campaignId, String unitCode, Integer basedOn) {
        ReportRepository.GuidanceContent stored = reports.loadGuidance(campaignId, unitCode);
        if (basedOn != null && basedOn != stored.version()) {
            throw new ReportConflictException(("Kế hoạch hướng dẫn đã được lưu lại sau khi bạn mở nó (bạn sửa trên bản lưu "
                    + "lần %d, hiện đã là lần %d). Không có gì bị ghi đè: hãy tải lại để xem bản mới nhất.")
                    .formatted(basedOn, stored.version()));
        }
        return stored;
    }

    private void store(long campaignId, String unitCode, String text, Integer basedOn) {
        ReportRepository.GuidanceContent stored = current(campaignId, unitCode, basedOn);
        if (!reports.saveGuidance(campaignId, unitCode, text, stored.version())) {
            throw new ReportConflictException("Kế hoạch hướng dẫn vừa được người khác lưu; hãy tải lại rồi sửa tiếp.");
        }
    }

    /** The text as given, checked like a report's section; null for absent. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        if (!(value instanceof String given)) {
            throw new InvalidInputException(GuidanceFields.TEXT, "Nội dung kế hoạch hướng dẫn phải là văn bản");
        }
        String text = PlainText.normalize(given);
        if (text.length() > Limits.MAX_WRITTEN_TEXT) {
            errors.add(new FieldError(GuidanceFields.TEXT, "Nội dung kế hoạch hướng dẫn dài %,d ký tự, quá giới hạn %,d ký tự"
                    .formatted(text.length(), Limits.MAX_WRITTEN_TEXT)));
        }
        PlainText.problem(text).ifPresent(problem -> errors.add(new FieldError(GuidanceFields.TEXT,
                "Nội dung kế hoạch hướng dẫn " + problem)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return text;
    }

    /** How refusals name guidance's text, as the task's form names its field. */
    public static final class GuidanceFields {
        public static final String TEXT = "guidanceText";

        private GuidanceFields() {
        }
    }
}
