package vn.reviewcascade.unit;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UnitTreeCsvReaderTest {

    private static final String LEVELS = "# levels: PROVINCE=Tỉnh ủy; DISTRICT=Huyện ủy; BASE=Tổ chức cơ sở đảng\n";
    private static final String HEADER = "code,name,level,parent,symbol,drafters,reviewers,signers,guidance_drafters\n";

    @Test
    void theShippedQuangTriTreeLoads() throws Exception {
        try (InputStream input = getClass().getResourceAsStream("/units/quang-tri-2019.csv")) {
            UnitTree tree = UnitTreeCsvReader.read(input, "quang-tri-2019.csv");
            assertThat(tree.roots()).extracting(Unit::code).containsExactly("TU");
            assertThat(tree.childrenOf("TU")).hasSize(15).extracting(Unit::name)
                    .contains("Thành ủy Đông Hà", "Huyện ủy Cồn Cỏ", "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Công an tỉnh");
            assertThat(tree.size()).isBetween(550, 650);
            assertThat(tree.levels()).extracting(TreeLevel::key).containsExactly("PROVINCE", "DISTRICT", "BASE");
            assertThat(tree.units()).filteredOn(unit -> unit.level().equals("BASE")).hasSizeGreaterThan(500)
                    .allMatch(unit -> tree.find(unit.parentCode()).orElseThrow().level().equals("DISTRICT"));
            Unit province = tree.find("TU").orElseThrow();
            assertThat(province.drafters()).isEqualTo(new UnitGroup("bdv-tu", "Ban Dân vận Tỉnh ủy"));
            assertThat(province.guidanceDrafters()).isEqualTo(new UnitGroup("btc-tu", "Ban Tổ chức Tỉnh ủy"));
            assertThat(tree.placeOf("VL-HOXA")).as("a base unit dates its documents from its district's place")
                    .isEqualTo("Vĩnh Linh");
            assertThat(tree.placeOf("KCQ")).as("a bloc of provincial agencies, from the province's").isEqualTo("Đông Hà");
            assertThat(tree.find("VL-HOXA").orElseThrow().drafters())
                    .isEqualTo(new UnitGroup("VL-HOXA.drafters", "Chuyên viên dự thảo – Đảng ủy thị trấn Hồ Xá"));
        }
    }

    @Test
    void theShippedTreeOf2026HasNoDistrictLevel() throws Exception {
        try (InputStream input = getClass().getResourceAsStream("/units/quang-tri-2026.csv")) {
            UnitTree tree = UnitTreeCsvReader.read(input, "quang-tri-2026.csv");
            assertThat(tree.levels()).extracting(TreeLevel::key).containsExactly("PROVINCE", "COMMUNE", "BASE");
            assertThat(tree.roots()).extracting(Unit::name).containsExactly("Tỉnh ủy Quảng Trị");
            // 69 xã, 8 phường, 1 đặc khu and the Đảng ủy directly under the Tỉnh ủy.
            assertThat(tree.childrenOf("TU")).hasSize(82).extracting(Unit::name)
                    .contains("Đảng ủy phường Đồng Hới", "Đảng ủy đặc khu Cồn Cỏ", "Đảng ủy Công an tỉnh");
            assertThat(tree.units()).filteredOn(unit -> unit.level().equals("BASE")).hasSizeGreaterThan(500)
                    .allMatch(unit -> unit.name().endsWith("(tên mẫu)"));
        }
    }

    @Test
    void aTreeNamesItsOwnLevelsFromTwoToFive() {
        UnitTree twoLevels = UnitTreeCsvReader.read(stream("# levels: CENTRE=Trung ương; PROVINCE=Tỉnh ủy\n" + HEADER
                + "TW,Ban Chấp hành Trung ương,CENTRE,,TW,,,,\nQT,Tỉnh ủy Quảng Trị,PROVINCE,TW,TU,,,,\n"), "test.csv");
        assertThat(twoLevels.subtree("TW")).extracting(Unit::level).containsExactly("CENTRE", "PROVINCE");
        assertThat(twoLevels.level("CENTRE")).contains(new TreeLevel("CENTRE", "Trung ương"));

        assertThat(catchThrowableOfType(UnitTreeException.class, () -> UnitTreeCsvReader.read(stream(
                "# levels: ONLY=Một cấp\n" + HEADER + "A,A,ONLY,,A,,,,\n"), "test.csv")).problems())
                .containsExactly("Dòng 1: cây có 1 cấp; phải từ 2 đến 5 cấp");
        assertThat(catchThrowableOfType(UnitTreeException.class, () -> UnitTreeCsvReader.read(stream(
                "# levels: A=Một; a=Hai; A=Ba; B\n" + HEADER), "test.csv")).problems()).containsExactly(
                "Dòng 1: mã cấp 'a' chỉ gồm chữ hoa không dấu, số và '_', bắt đầu bằng chữ, tối đa 16 ký tự",
                "Dòng 1: cấp 'A' được nêu hai lần",
                "Dòng 1: cấp 'B' thiếu tên (dạng B=Tên cấp)");
        assertThat(catchThrowableOfType(UnitTreeException.class, () -> UnitTreeCsvReader.read(stream(HEADER), "test.csv"))
                .problems()).singleElement().asString().startsWith("Dòng 1: phải nêu các cấp của cây");
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
    void aQuotedCellMayHoldLineBreaksAndLaterLinesKeepTheirNumbers() {
        UnitTree tree = read("""
                TU,"Tỉnh ủy
                Quảng Trị",PROVINCE,,TU,,,,
                VL,Huyện ủy Vĩnh Linh,DISTRICT,TU,HU,,,,
                VL-A,Đảng ủy xã Vĩnh Thái,BASE,VL,ĐU,,,,
                """);
        assertThat(tree.find("TU").orElseThrow().name()).isEqualTo("Tỉnh ủy\nQuảng Trị");
        assertThat(tree.subtree("TU")).extracting(Unit::code).containsExactly("TU", "VL", "VL-A");

        assertThat(catchThrowableOfType(UnitTreeException.class, () -> read("""
                TU,"Tỉnh ủy
                Quảng Trị",PROVINCE,,TU,,,,
                VL,Huyện ủy Vĩnh Linh,COUNTY,TU,HU,,,,
                """)).problems()).containsExactly("Dòng 5: cấp 'COUNTY' không có trong các cấp của cây (PROVINCE, DISTRICT, BASE)");
        assertThat(catchThrowableOfType(UnitTreeException.class, () -> read("""
                TU,Tỉnh ủy,PROVINCE,,TU,,,,
                VL,"Huyện ủy Vĩnh Linh,DISTRICT,TU,HU,,,,
                """)).problems()).singleElement().asString()
                .startsWith("Dòng 4: không đọc được dòng CSV: một ô mở bằng dấu \" phải đóng");
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
                "Dòng 5: mã đơn vị 'VL' bị trùng với dòng 4",
                "Dòng 7: thiếu cấp của đơn vị (PROVINCE, DISTRICT, BASE)",
                "Dòng 8: cấp 'COUNTY' không có trong các cấp của cây (PROVINCE, DISTRICT, BASE)",
                "Dòng 9: cần 9 cột, có 8",
                "Dòng 6: đơn vị cấp trên 'GL' của 'GL-A' không tồn tại",
                "Dòng 10: đơn vị 'VL-B' (cấp DISTRICT) không thể trực thuộc 'VL' (cấp DISTRICT): cấp trên của nó phải thuộc cấp PROVINCE");
        assertThat(error.getMessage()).startsWith("Tệp cây đơn vị test.csv không hợp lệ");
    }

    @Test
    void theTopLevelHasNoParentAndOnlyIt() {
        assertThat(catchThrowableOfType(UnitTreeException.class, () -> read("""
                TU,Tỉnh ủy,PROVINCE,,TU,,,,
                TU2,Tỉnh ủy khác,PROVINCE,TU,TU,,,,
                """)).problems()).containsExactly("Dòng 4: đơn vị 'TU2' thuộc cấp cao nhất (PROVINCE) nên không trực thuộc đơn vị nào");
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRefused() {
        assertThat(catchThrowableOfType(UnitTreeException.class, () -> UnitTreeCsvReader.read(
                stream(LEVELS + "ma,ten\n"), "test.csv")).problems()).singleElement().asString().startsWith("Dòng 2: tiêu đề phải là");
        assertThat(catchThrowableOfType(UnitTreeException.class, () -> read("")).problems())
                .containsExactly("tệp không có đơn vị nào");
    }

    @Test
    void aBaseUnitWithoutParentIsRefused() {
        assertThat(catchThrowableOfType(UnitTreeException.class, () -> read("X,Chi bộ X,BASE,,CB,,,,\n")).problems())
                .containsExactly("Dòng 3: đơn vị 'X' thuộc cấp BASE nhưng không có đơn vị cấp trên; chỉ đơn vị cấp PROVINCE không có cấp trên");
    }

    private static UnitTree read(String rows) {
        return UnitTreeCsvReader.read(stream(LEVELS + HEADER + rows), "test.csv");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
