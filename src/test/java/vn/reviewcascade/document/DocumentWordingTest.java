package vn.reviewcascade.document;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a document words its subject and its date line, as Hướng dẫn 36-HD/VPTW writes them. */
class DocumentWordingTest {

    @Test
    void theSubjectContinuesTheHeadingInLowerCaseExceptAnAbbreviation() {
        assertThat(WrittenDocuments.lowerFirst("Sơ kết 3 năm thực hiện Đề án")).isEqualTo("sơ kết 3 năm thực hiện Đề án");
        assertThat(WrittenDocuments.lowerFirst("HĐND và công tác dân vận")).isEqualTo("HĐND và công tác dân vận");
        assertThat(WrittenDocuments.lowerFirst("E2E Vĩnh Linh")).isEqualTo("E2E Vĩnh Linh");
        assertThat(WrittenDocuments.lowerFirst("")).isEmpty();
    }

    @Test
    void theDateLineWritesDaysAndMonthsUnderTenWithAZeroAndLeavesADraftsBlank() {
        assertThat(WrittenDocuments.dateLine("Vĩnh Linh", Instant.parse("2031-10-01T18:30:00Z"), 2031))
                .as("in Vietnam's time it is already the 2nd").isEqualTo("Vĩnh Linh, ngày 02 tháng 10 năm 2031");
        assertThat(WrittenDocuments.dateLine("Đông Hà", null, 2031)).isEqualTo("Đông Hà, ngày      tháng      năm 2031");
        assertThat(WrittenDocuments.dateLine("", Instant.parse("2031-12-24T01:00:00Z"), 2031))
                .isEqualTo("ngày 24 tháng 12 năm 2031");
    }
}
