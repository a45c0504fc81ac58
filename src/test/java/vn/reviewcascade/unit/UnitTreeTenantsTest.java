package vn.reviewcascade.unit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine tenant of each unit's approvals and the tenants each group works in, through files and reorganisations. */
class UnitTreeTenantsTest {

    private static final String FILE_HEAD = "# levels: PROVINCE=Tỉnh ủy; DISTRICT=Huyện ủy; BASE=Cơ sở\n"
            + "code,name,level,parent,symbol,drafters,reviewers,signers,guidance_drafters\n";

    private final UnitTree tree = read("""
            TU,Tỉnh ủy,PROVINCE,,TU,,,,
            VL,Huyện ủy Vĩnh Linh,DISTRICT,TU,HU,,,,
            VL-A,Đảng ủy xã Vĩnh Thái,BASE,VL,ĐU,,,,
            CC,Huyện ủy Cồn Cỏ,DISTRICT,TU,HU,,,,
            CC-A,Chi bộ Cồn Cỏ,BASE,CC,CB,,,,
            """);

    @Test
    void eachUnitBelongsToTheUnitBelowTheRootItIsUnderAndARootsGroupsToEveryTenant() {
        assertThat(tree.tenantOf("TU")).isEmpty();
        assertThat(tree.tenantOf("VL")).contains("VL");
        assertThat(tree.tenantOf("VL-A")).contains("VL");
        assertThat(tree.tenantOf("CC-A")).contains("CC");
        assertThat(tree.tenantOf("NOWHERE")).isEmpty();

        assertThat(tree.tenantsOfGroups()).containsEntry("VL-A.drafters", Set.of("VL")).containsEntry("VL.reviewers", Set.of("VL"))
                .containsEntry("CC-A.signers", Set.of("CC")).containsEntry("TU.reviewers", Set.of("CC", "VL"));
    }

    @Test
    void aMovedUnitKeepsItsTenantAndItsNewParentsGroupsGainIt() {
        Unit moved = tree.find("VL-A").orElseThrow().reorganised("Đảng ủy xã Vĩnh Thái", "CC", "ĐU");
        UnitTree after = tree.amendedWith(List.of(moved,
                Unit.withOwnGroups("QT", "Huyện ủy mới", "DISTRICT", "TU", "HU"),
                Unit.withOwnGroups("CC-B", "Chi bộ mới", "BASE", "CC", "CB")), Set.of());

        assertThat(after.tenantOf("VL-A")).as("its running approvals carry VL").contains("VL");
        assertThat(after.tenantOf("QT")).as("a new unit below the root is a tenant of its own").contains("QT");
        assertThat(after.tenantOf("CC-B")).as("a new unit takes its parent's").contains("CC");
        assertThat(after.tenantsOfGroups()).containsEntry("CC.reviewers", Set.of("CC", "VL"))
                .containsEntry("VL.reviewers", Set.of("VL")).containsEntry("TU.reviewers", Set.of("CC", "QT", "VL"));
    }

    @Test
    void aNewerFileKeepsTheTenantsOfTheUnitsItContinues() {
        UnitTree newer = tree.followedBy(read("""
                TU,Tỉnh ủy,PROVINCE,,TU,,,,
                CC,Huyện ủy Cồn Cỏ,DISTRICT,TU,HU,,,,
                VL-A,Đảng ủy xã Vĩnh Thái,DISTRICT,TU,ĐU,,,,
                CC-A,Chi bộ Cồn Cỏ,BASE,VL-A,CB,,,,
                """));

        assertThat(newer.isRetired("VL")).isTrue();
        assertThat(newer.tenantOf("VL")).contains("VL");
        assertThat(newer.tenantOf("VL-A")).as("now directly below the root, still VL's").contains("VL");
        assertThat(newer.tenantOf("CC-A")).contains("CC");
        assertThat(newer.tenantsOfGroups()).containsEntry("VL-A.reviewers", Set.of("CC", "VL"))
                .containsEntry("VL.reviewers", Set.of("VL")).containsEntry("TU.reviewers", Set.of("CC", "VL"));
    }

    private static UnitTree read(String rows) {
        return UnitTreeCsvReader.read(new ByteArrayInputStream((FILE_HEAD + rows).getBytes(StandardCharsets.UTF_8)), "test.csv");
    }
}
