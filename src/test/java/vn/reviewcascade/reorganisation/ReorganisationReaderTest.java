package vn.reviewcascade.reorganisation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.unit.UnitTreeCsvReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reorganisation files: the shipped sample reads against the 2019 tree; a bad file is refused whole, every problem at its line. */
class ReorganisationReaderTest {

    private static TreeState tree2019() throws IOException {
        try (InputStream input = ReorganisationReaderTest.class.getResourceAsStream("/units/quang-tri-2019.csv")) {
            UnitTree tree = UnitTreeCsvReader.read(input, "quang-tri-2019.csv");
            return TreeState.of(tree);
        }
    }

    @Test
    void theSampleOf2025ReadsAndMakesTheTreeOfTwoLevelsOfCommittees() throws IOException {
        String sample = Files.readString(Path.of("src/main/resources/reorganisations/reorganisation-2025-07-01.yaml"),
                StandardCharsets.UTF_8);
        TreeState tree = tree2019();
        Reorganisation reorganisation = ReorganisationReader.read(sample, tree);

        assertThat(reorganisation.decision().label())
                .isEqualTo("Quyết định số 1234-QĐ/TU ngày 30/6/2025 của Ban Thường vụ Tỉnh ủy Quảng Trị");
        assertThat(reorganisation.effectiveOn()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(reorganisation.changes()).extracting(Reorganisation.Change::kind).containsExactly(
                Reorganisation.Kind.ABOLISH_LEVEL, Reorganisation.Kind.MERGE, Reorganisation.Kind.MERGE,
                Reorganisation.Kind.MERGE, Reorganisation.Kind.RENAME);
        assertThat(tree.find("VL").orElseThrow().retired()).as("the tree given is not changed").isFalse();

        TreeState next = tree.copy();
        List<TreeState.Succession> links = new java.util.ArrayList<>();
        reorganisation.changes().forEach(change -> links.addAll(next.apply(change)));
        assertThat(next.find("VL").orElseThrow().retired()).isTrue();
        assertThat(next.find("KCQ").orElseThrow().retired()).isTrue();
        assertThat(links).contains(new TreeState.Succession("KCQ", "DUCQ", Reorganisation.Kind.MERGE));
        assertThat(next.find("DUCQ").orElseThrow().parentCode()).isEqualTo("TU");
        assertThat(next.find("VL-CUATUNG").orElseThrow().parentCode()).as("a commune of an abolished district").isEqualTo("TU");
        assertThat(next.find("VL-XAVINHLINH").orElseThrow().parentCode()).isEqualTo("TU");
        assertThat(next.find("VL-VINHTRUNG").orElseThrow().name()).isEqualTo("Đảng ủy xã Vĩnh Hoàng (ví dụ)");
        assertThat(next.activeChildren("TU")).extracting(TreeState.VersionedUnit::level)
                .as("only committees directly under the Tỉnh ủy: communes, base units and the Đảng ủy trực thuộc")
                .doesNotContain("PROVINCE");
        assertThat(next.activeChildren("TU")).filteredOn(unit -> unit.level().equals("DISTRICT"))
                .extracting(TreeState.VersionedUnit::code).containsExactlyInAnyOrder("QS", "CA", "BP", "DUCQ");
        assertThat(links).contains(new TreeState.Succession("VL-HOXA", "VL-XAVINHLINH", Reorganisation.Kind.MERGE),
                new TreeState.Succession("VL-VINHTHACH", "VL-VINHTRUNG", Reorganisation.Kind.MERGE));
        assertThat(next.units()).as("no unit is ever removed").hasSize(tree.units().size() + 2);
    }

    @Test
    void everyProblemIsRefusedWithItsLineInVietnamese() throws IOException {
        String file = """
                decision:
                  number: 1234/TU
                  date: 2025-06-31
                  issuer: Ban Thường vụ Tỉnh ủy
                effectiveOn: 2025-07-01
                changes:
                  - move: VL-HOXA
                    parent: KHONGCO
                  - rename: VL-CUATUNG
                  - merge: [VL-HOXA, VL]
                    into: VL-BENQUAN
                  - abolishLevel: PROVINCE
                  - move: VL-VINHTU
                    parent: GL
                    colour: đỏ
                  - rename: VL-VINHTU
                    move: VL-VINHTU
                """;
        assertThatThrownBy(() -> ReorganisationReader.read(file, tree2019()))
                .isInstanceOf(ReorganisationException.class)
                .satisfies(e -> assertThat(((ReorganisationException) e).errors()).extracting(error -> error.message())
                        .containsExactlyInAnyOrder(
                                "Dòng 3: ngày quyết định (date) '2025-06-31' phải có dạng năm-tháng-ngày, ví dụ 2025-07-01",
                                "Dòng 2: số quyết định (number) '1234/TU' phải có dạng 1234-QĐ/TU hoặc Quyết định số 1234-QĐ/TU",
                                "Dòng 15: không có trường 'colour' trong thay đổi; chỉ có: abolishLevel, except, into, level, merge, move, name, newUnit, parent, parts, rename, split, symbol",
                                "Dòng 7: thay đổi thứ 1 (chuyển đơn vị cấp trên): đơn vị cấp trên 'KHONGCO' không có hoặc không còn hoạt động",
                                "Dòng 9: thay đổi thứ 2 (đổi tên) thiếu trường 'name'",
                                "Dòng 10: thay đổi thứ 3 (hợp nhất, sáp nhập): các đơn vị hợp nhất phải cùng một cấp: 'VL' ở cấp DISTRICT, không phải BASE",
                                "Dòng 10: thay đổi thứ 3 (hợp nhất, sáp nhập): đơn vị kế thừa 'VL-BENQUAN' ở cấp BASE, khác cấp DISTRICT của các đơn vị hợp nhất",
                                "Dòng 12: thay đổi thứ 4 (kết thúc hoạt động cấp): không thể kết thúc hoạt động cấp cao nhất 'PROVINCE'",
                                "Dòng 16: thay đổi thứ 6 phải có đúng một trong các trường merge, split, move, rename, abolishLevel, newUnit; đang có move, rename"));
    }

    @Test
    void jsonIsReadToo() throws IOException {
        String json = """
                {"decision": {"number": "Quyết định số 12-QĐ/TU", "date": "2025-06-30", "issuer": "Ban Thường vụ Tỉnh ủy"},
                 "effectiveOn": "2025-07-01",
                 "changes": [{"newUnit": "VL-MOI", "name": "Chi bộ mới", "level": "BASE", "parent": "VL", "symbol": "CB"}]}
                """;
        Reorganisation reorganisation = ReorganisationReader.read(json, tree2019());
        assertThat(reorganisation.changes()).singleElement()
                .satisfies(change -> assertThat(change.kind()).isEqualTo(Reorganisation.Kind.NEW_UNIT));
    }

    @Test
    void theActivitiesAReorganisationActsOnAreThoseOfTheProcess() throws IOException {
        String process = Files.readString(Path.of("processes/unitReview.bpmn"), StandardCharsets.UTF_8);
        for (String activity : List.of(CampaignReorganiser.WAIT_FOR_GUIDANCE, CampaignReorganiser.GUIDANCE_NEEDED)) {
            assertThat(process).contains("id=\"" + activity + "\"");
        }
    }
}
