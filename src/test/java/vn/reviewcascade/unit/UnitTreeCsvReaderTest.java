package vn.reviewcascade.unit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UnitTreeCsvReaderTest {

    private static final String HEADER = "code,name,level,parent,symbol,drafters,reviewers,signers,guidance_drafters\n";

    @Test
    void theShippedQuangTriTreeLoads() throws Exception {
        try (InputStream input = getClass().getResourceAsStream("/units/quang-tri-2019.csv")) {
            UnitTree tree = UnitTreeCsvReader.read(input, "quang-tri-2019.csv");
            assertThat(tree.roots()).extracting(Unit::code).containsExactly("TU");
            assertThat(tree.childrenOf("TU")).hasSize(15).extracting(Unit::name)
                    .contains("Thành ủy Đông Hà", "Huyện ủy Cồn Cỏ", "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Công an tỉnh");
            assertThat(tree.size()).isBetween(550, 650);
            assertThat(tree.units()).filteredOn(unit -> unit.level() == Level.BASE).hasSizeGreaterThan(500)
                    .allMatch(unit -> tree.find(unit.parentCode()).orElseThrow().level() == Level.DISTRICT);
            Unit province = tree.find("TU").orElseThrow();
            assertThat(province.drafters()).isEqualTo(new UnitGroup("bdv-tu", "Ban Dân vận Tỉnh ủy"));
            assertThat(province.guidanceDrafters()).isEqualTo(new UnitGroup("btc-tu", "Ban Tổ chức Tỉnh ủy"));
            assertThat(tree.find("VL-HOXA").orElseThrow().drafters())
                    .isEqualTo(new UnitGroup("VL-HOXA.drafters", "Dự thảo – Đảng ủy thị trấn Hồ Xá"));
        }
    }

    @Test
    void aWellFormedTreeKeepsItsOrderAndQuotedNames() {
        UnitTree tree = read("""
                TU,Tỉnh ủy,PROVINCE,,TU,,,,
                VL,"Huyện ủy Vĩnh Linh, Quảng Trị",DISTRICT,TU,HU,,,,
                VL-A,Đảng ủy xã Vĩnh Thái,BASE,VL,ĐU,,,,
                """);
        assertThat(tree.subtree("TU")).extracting(Unit::code).containsExactly("TU", "VL", "VL-A");
        assertThat(tree.find("VL").orElseThrow().name()).isEqualTo("Huyện ủy Vĩnh Linh, Quảng Trị");
    }

    @Test
    void everyProblemIsNamedWithItsLineAndNothingIsLoaded() {
        UnitTreeException error = catchThrowableOfType(UnitTreeException.class, () -> read("""
                TU,Tỉnh ủy,PROVINCE,,TU,,,,
                VL,Huyện ủy Vĩnh Linh,DISTRICT,TU,HU,,,,
                VL,Huyện ủy trùng mã,DISTRICT,TU,HU,,,,
                GL-A,Đảng ủy xã Gio Mai,BASE,GL,ĐU,,,,
                CL,Huyện ủy Cam Lộ,,TU,HU,,,,
                HL,Huyện ủy Hải Lăng,COUNTY,TU,HU,,,,
                VL-A,Đảng ủy xã,BASE,VL,ĐU,,,
                VL-B,Đảng ủy xã Vĩnh Tú,DISTRICT,VL,ĐU,,,,
                """));
        assertThat(error.problems()).containsExactly(
                "Dòng 4: mã đơn vị 'VL' bị trùng với dòng 3",
                "Dòng 6: thiếu cấp của đơn vị (PROVINCE, DISTRICT hoặc BASE)",
                "Dòng 7: cấp 'COUNTY' không hợp lệ (PROVINCE, DISTRICT hoặc BASE)",
                "Dòng 8: cần 9 cột, có 8",
                "Dòng 5: đơn vị cấp trên 'GL' của 'GL-A' không tồn tại",
                "Dòng 9: đơn vị 'VL-B' (cấp huyện) không thể trực thuộc 'VL' (cấp huyện)");
        assertThat(error.getMessage()).startsWith("Tệp cây đơn vị test.csv không hợp lệ");
    }

    @Test
    void aLoopOfParentsIsRefused() {
        UnitTreeException error = catchThrowableOfType(UnitTreeException.class, () -> read("""
                TU,Tỉnh ủy,PROVINCE,,TU,,,,
                A,Huyện ủy A,DISTRICT,B,HU,,,,
                B,Huyện ủy B,DISTRICT,A,HU,,,,
                """));
        assertThat(error.problems()).contains("Dòng 3: đơn vị 'A' nằm trong một vòng lặp cấp trên – cấp dưới");
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRefused() {
        assertThat(catchThrowableOfType(UnitTreeException.class, () -> UnitTreeCsvReader.read(
                stream("ma,ten\n"), "test.csv")).problems()).singleElement().asString().startsWith("Dòng 1: tiêu đề phải là");
        assertThat(catchThrowableOfType(UnitTreeException.class, () -> read("")).problems())
                .containsExactly("tệp không có đơn vị nào");
    }

    @Test
    void aBaseUnitWithoutParentIsRefused() {
        assertThat(catchThrowableOfType(UnitTreeException.class, () -> read("X,Chi bộ X,BASE,,CB,,,,\n")).problems())
                .containsExactly("Dòng 2: đơn vị 'X' thuộc cấp cơ sở nhưng không có đơn vị cấp trên");
    }

    private static UnitTree read(String rows) {
        return UnitTreeCsvReader.read(stream(HEADER + rows), "test.csv");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
