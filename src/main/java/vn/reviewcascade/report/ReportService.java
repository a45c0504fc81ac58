package vn.reviewcascade.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.reviewcascade.FieldError;
import vn.reviewcascade.InvalidInputException;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.plan.Plan;

/** Writing, checking, summing up and reading reports; the delegates and the REST API both go through here. */
@Service
public class ReportService {

    private final ReportRepository reports;
    private final ReviewCommentRepository comments;
    private final UnitDocuments documents;

    public ReportService(ReportRepository reports, ReviewCommentRepository comments, UnitDocuments documents) {
        this.reports = reports;
        this.comments = comments;
        this.documents = documents;
    }

    public UnitReport unit(long campaignId, String unitCode) {
        return reports.find(campaignId, unitCode).orElseThrow(() -> new NotFoundException(
                "Không có đơn vị '" + unitCode + "' trong đợt số " + campaignId));
    }

    public boolean hasSubordinates(UnitReport unit) {
        return reports.hasSubordinates(unit.campaignId(), unit.unitCode());
    }

    /**
     * Saves part of a draft: every value well-formed and consistent, completeness not yet required.
     *
     * @param basedOn the version the caller read and changed, or null to change whatever is stored now
     */
    @Transactional
    public void saveDraft(Plan plan, long campaignId, String unitCode, ReportChanges changes, Integer basedOn) {
        requireEditable(unit(campaignId, unitCode));
        ReportContent merged = current(campaignId, unitCode, basedOn).with(changes);
        failOn(ReportValidator.checkConsistency(plan, merged));
        store(campaignId, unitCode, merged);
    }

    /** Finishes a draft (task completion): the same checks as {@link #saveDraft}, and nothing may be missing. */
    @Transactional
    public void completeDraft(Plan plan, long campaignId, String unitCode, ReportChanges changes, Integer basedOn) {
        ReportContent merged = current(campaignId, unitCode, basedOn).with(changes);
        List<FieldError> errors = new ArrayList<>(ReportValidator.checkConsistency(plan, merged));
        errors.addAll(ReportValidator.checkComplete(plan, merged));
        failOn(errors);
        if (!changes.isEmpty()) {
            store(campaignId, unitCode, merged);
        }
    }

    /** Attaches the written document (PDF or DOCX) to a report that is still being drafted. */
    @Transactional
    public void attachDocument(long campaignId, String unitCode, String fileName, byte[] content, String uploadedBy) {
        requireEditable(unit(campaignId, unitCode));
        documents.store(campaignId, unitCode, DocumentKind.REPORT, fileName, content, uploadedBy);
    }

    /**
     * Refuses any change to a report under review, being signed or submitted: only returning it reopens it. An issued
     * report is locked for good: its signed document is what it says.
     */
    public void requireEditable(UnitReport unit) {
        requireRunning(unit);
        if (unit.documentNumber() != null) {
            throw new ReportLockedException("Báo cáo của " + unit.unitName() + " đã ban hành thành văn bản số "
                    + unit.documentNumber() + " và đã ký số, nên không thể sửa nữa.");
        }
        if (unit.status().locksReport()) {
            throw new ReportLockedException("Báo cáo của " + unit.unitName() + " đang ở bước \"" + unit.status().label()
                    + "\", không thể sửa; người thẩm định hoặc ký duyệt phải trả lại để sửa.");
        }
    }

    /**
     * A campaign ended early is worked no more: its tasks went with its processes, and its reports and guidance stay
     * as they were when it ended.
     */
    public void requireRunning(UnitReport unit) {
        if (reports.campaignEnded(unit.campaignId())) {
            throw new ReportLockedException("Đợt số %d đã kết thúc nên báo cáo và hướng dẫn của %s không sửa được nữa"
                    .formatted(unit.campaignId(), unit.unitName()));
        }
    }

    /**
     * Pre-fills a consolidating unit's annex with the sum of its subordinates' submitted figures. Figures the
     * unit already entered are kept; the difference from the sum stays visible in {@link #view}.
     */
    @Transactional
    public void prefillFromSubordinates(long campaignId, String unitCode) {
        ReportContent own = reports.loadContent(campaignId, unitCode);
        Map<String, Long> figures = new LinkedHashMap<>(rollup(unit(campaignId, unitCode), own.figures()).totals());
        figures.putAll(own.figures());
        store(campaignId, unitCode, own.withFigures(figures));
    }

    private ReportContent current(long campaignId, String unitCode, Integer basedOn) {
        ReportContent stored = reports.loadContent(campaignId, unitCode);
        if (basedOn != null && basedOn != stored.version()) {
            throw conflict(basedOn, stored.version());
        }
        return stored;
    }

    private void store(long campaignId, String unitCode, ReportContent content) {
        if (!reports.saveContent(campaignId, unitCode, content)) {
            throw conflict(content.version(), content.version() + 1);
        }
    }

    private static ReportConflictException conflict(int basedOn, int stored) {
        return new ReportConflictException(("Báo cáo đã được lưu lại sau khi bạn mở nó (bạn sửa trên bản lưu lần %d, "
                + "hiện đã là lần %d). Không có gì bị ghi đè: hãy tải lại để xem bản mới nhất rồi sửa tiếp.")
                .formatted(basedOn, stored));
    }

    @Transactional(readOnly = true)
    public ReportView view(long campaignId, String unitCode) {
        UnitReport unit = unit(campaignId, unitCode);
        ReportContent content = reports.loadContent(campaignId, unitCode);
        Rollup rollup = rollup(unit, content.figures());
        List<ReportView.Subordinate> subordinates = reports.findSubordinates(campaignId, unitCode).stream()
                .map(sub -> new ReportView.Subordinate(sub.unitCode(), sub.unitName(), sub.status(), sub.submittedAt(),
                        sub.overdue(), sub.submittedLate(), rollup.lateAddition(sub.unitCode()),
                        rollup.contributions().getOrDefault(sub.unitCode(), Map.of())))
                .toList();
        return new ReportView(unit, content.version(), content.sections(), content.figures(), rollup.totals(),
                rollup.differences(), subordinates, comments.findAll(campaignId, unitCode),
                documents.info(campaignId, unitCode, DocumentKind.REPORT).orElse(null));
    }

    private Rollup rollup(UnitReport unit, Map<String, Long> own) {
        return Rollup.of(own, unit.consolidatedAt(), reports.subordinateFigures(unit.campaignId(), unit.unitCode())
                .stream().map(UnitFigures::asSubordinate).toList());
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
