package vn.reviewcascade.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import vn.reviewcascade.TestPlans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * docs/plan.schema.json, which editors check plan files with, accepts every shipped plan and refuses what the reader
 * refuses for its shape; the reader has the last word and checks more (see the schema's description).
 */
class PlanSchemaTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchema SCHEMA = schema();

    @Test
    void everyShippedPlanFollowsTheSchema() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("plans"))) {
            List<Path> plans = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
            assertThat(plans).isNotEmpty();
            for (Path plan : plans) {
                String text = Files.readString(plan);
                assertThat(text).as("%s names the schema for editors", plan)
                        .startsWith("# yaml-language-server: $schema=../docs/plan.schema.json\n");
                assertThat(SCHEMA.validate(YAML.readTree(text))).as("%s", plan).isEmpty();
            }
        }
    }

    @Test
    void theSchemaRefusesWhatTheReaderRefuses() throws IOException {
        String good = TestPlans.text("plans/900-KH-TU-mau.yaml");
        List<String> bad = List.of(
                good.replace("number: 900-KH/TU", "number: 900/KH"),
                good.replace("kind: sơ kết", "kind: tổng hợp"),
                good.replace("issuer: Ban Thường vụ Tỉnh ủy (mẫu)\n", ""),
                good.replace("year: 2026", "year: 1999"),
                good.replace("year: 2026", "year: hai nghìn"),
                good + "colour: đỏ\n",
                good.replace("      report: 31/10", "      report: 31/10\n      final: 30/11"),
                good.replace("      report: 31/10", "      report: 31/10\n      guidance: 30/09"),
                good.replace("reminders: [P3D]", "reminders: [bảy ngày]"),
                good.replace("key: COMMUNE", "key: commune"),
                good.replace("max: 5000", "max: -1"),
                good.replace("{ key: members,", "{ key: 'các đảng viên',"),
                good.replace("address: vptu", "address: 'Văn phòng'"),
                good.substring(0, good.indexOf("  - key: COMMUNE")) + good.substring(good.indexOf("\nsections:") + 1));
        for (String plan : bad) {
            assertThat(catchThrowableOfType(PlanException.class, () -> PlanReader.read(plan, 1))).as("the reader refuses%n%s", plan)
                    .isNotNull();
            Set<ValidationMessage> refusals = SCHEMA.validate(YAML.readTree(plan));
            assertThat(refusals).as("the schema refuses%n%s", plan).isNotEmpty();
        }
        assertThat(PlanReader.read(good, 1).levelKeys()).containsExactly("PROVINCE", "COMMUNE");
    }

    private static JsonSchema schema() {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(Path.of("docs", "plan.schema.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
