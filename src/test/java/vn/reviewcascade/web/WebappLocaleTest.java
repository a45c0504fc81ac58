package vn.reviewcascade.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vietnamese locale of each webapp covers every label of the English one shipped in the webapp jar, keeps its
 * placeholders, and is the default. After an engine upgrade this test lists the labels still to translate.
 */
class WebappLocaleTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[^}]+?\\s*}}|%[sd]");
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishLabelHasAVietnameseOne(String app) throws IOException {
        JsonNode english = read(APP + app + "/locales/en.json");
        JsonNode vietnamese = read(APP + app + "/locales/vi.json");
        List<String> missing = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        int translated = 0;
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> labels = english.path("labels").fields(); labels.hasNext(); ) {
            Map.Entry<String, JsonNode> label = labels.next();
            String source = label.getValue().asText();
            JsonNode target = vietnamese.path("labels").get(label.getKey());
            total++;
            // The English plural ending "s", glued onto a noun, has no Vietnamese counterpart.
            boolean mayBeEmpty = source.isEmpty() || source.equals("s");
            if (target == null || (!mayBeEmpty && target.asText().isBlank())) {
                missing.add(label.getKey());
                continue;
            }
            if (!placeholdersOf(target.asText()).containsAll(placeholdersOf(source))) {
                placeholders.add(label.getKey());
            }
            if (target.asText().codePoints().anyMatch(c -> c >= 0x00C0 && c <= 0x1EF9)) {
                translated++;
            }
        }
        assertThat(missing).as("labels of %s without a Vietnamese one", app).isEmpty();
        assertThat(placeholders).as("labels of %s that lost a placeholder", app).isEmpty();
        assertThat(translated).as("labels of %s written in Vietnamese (names such as ID and Camunda aside)", app)
                .isGreaterThan(total * 9 / 10);
        english.path("dateLocales").fieldNames().forEachRemaining(key ->
                assertThat(vietnamese.path("dateLocales").has(key)).as("%s date locale %s", app, key).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void vietnameseIsTheDefaultAndEnglishStaysSelectable(String app) throws IOException {
        assertThat(text(APP + app + "/scripts/config.js"))
                .contains("import { locales, appNamed, dateFormat } from '../../review-cascade-language.js'")
                .contains("locales");
        String language = text(APP + "review-cascade-language.js");
        assertThat(language).contains("return LANGUAGES.includes(stored) ? stored : 'vi'")
                .contains("const LANGUAGES = ['vi', 'en']").contains(".ce-eol-banner { display: none !important; }");
    }

    /**
     * The login page, the header and the browser tab show "&lt;vendor&gt; &lt;name&gt;" from config.js's {@code app}:
     * without it they read "Camunda Tasklist", "Welcome", "Cockpit".
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theWebappIsNamedInVietnamese(String app) throws IOException {
        assertThat(text(APP + app + "/scripts/config.js")).contains("app: appNamed('" + app + "')");
        String language = text(APP + "review-cascade-language.js");
        Matcher names = Pattern.compile("const APP_NAMES = \\{\\s*vi: \\{([^}]*)}").matcher(language);
        assertThat(names.find()).as("Vietnamese names of the webapps").isTrue();
        Matcher name = Pattern.compile(app + ": '([^']+)'").matcher(names.group(1));
        assertThat(name.find()).as("Vietnamese name of %s", app).isTrue();
        assertThat(name.group(1)).doesNotContainIgnoringCase("camunda").doesNotContainIgnoringCase(app)
                .matches(".*[\\u00C0-\\u1EF9].*");
        Matcher vendor = Pattern.compile("const VENDOR = \\{ vi: '([^']+)'").matcher(language);
        assertThat(vendor.find()).as("Vietnamese vendor").isTrue();
        assertThat(vendor.group(1)).doesNotContainIgnoringCase("camunda").matches(".*[\\u00C0-\\u1EF9].*");
    }

    /**
     * No label shows an engine word: "null" for a missing value, the time zone's id, Camunda's names of the
     * webapps (a product name may stay in the footer's credit, CAM_WIDGET_FOOTER_POWERED_BY, which names no webapp).
     * Admin's hint for a new authorization names the ids that are typed there, each with its Vietnamese name.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void noLabelShowsAnEngineWord(String app) throws IOException {
        Pattern engineWords = Pattern.compile("\\bnull\\b|\\b(Tasklist|Cockpit|Welcome)\\b|Custom Plugins|Asia/|"
                + "\\((PI|DI|TU|FNI|EDE)\\)|\\bFNI/EDE\\b", Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        read(APP + app + "/locales/vi.json").path("labels").fields().forEachRemaining(label -> {
            // What is shown: a link's address is not.
            if (engineWords.matcher(label.getValue().asText().replaceAll("<[^>]*>", "")).find()
                    && !label.getKey().equals("AUTHORIZATION_COCKPIT_OR_TASKLIST")) {
                found.add(label.getKey() + ": " + label.getValue().asText());
            }
        });
        assertThat(found).as("labels of %s with an engine word", app).isEmpty();
    }

    /**
     * Every webapp shows dates as 07/12/2026 08:44 (config.js's dateFormat) and loads the words no translation
     * reaches (review-cascade-words.js) first; Cockpit, whose date filter ignores config.js, gets the format there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void datesAreVietnameseAndTheWordsScriptIsLoaded(String app) throws IOException {
        assertThat(text(APP + app + "/scripts/config.js")).contains("  dateFormat,")
                .contains("customScripts: ['../review-cascade-words.js'");
        assertThat(text(APP + "review-cascade-language.js"))
                .contains("{ normal: 'DD/MM/YYYY HH:mm', abbr: 'DD/MM/YYYY HH:mm', long: 'dddd, DD/MM/YYYY HH:mm', short: 'DD/MM/YYYY' }");
        assertThat(text(APP + "review-cascade-words.js"))
                .contains("formats.setDateFormat(format, kind)")
                .contains("['#footer-timezone i', zoneWords]")
                .contains("'giờ Việt Nam (UTC+7)'")
                .contains("UNIT_ROLE: 'Vai trò trong đơn vị'")
                .contains("ACCESS: 'Truy cập'")
                .contains("['.app-switch li.' + app + ' > a', () => appName(app)]");
    }

    /** The Cockpit dashboard's section of custom plugins holds the overdue units and is headed by what it lists. */
    @Test
    void cockpitsOverdueUnitsHaveTheirOwnHeadingAndLinkToTheDashboard() throws IOException {
        assertThat(read(APP + "cockpit/locales/vi.json").path("labels").path("DASHBOARD_CUSTOM_PLUGINS").asText())
                .isEqualTo("Đơn vị quá hạn báo cáo");
        assertThat(text(APP + "cockpit/styles/user-styles.css")).contains(".ctn-view.dashboard > section.deprecate {\n  order: -1;");
        assertThat(text(APP + "cockpit/scripts/overdue-units.js")).contains("'/dashboard?' + new URLSearchParams(")
                .doesNotContain("#/process-instance/");
    }

    private static List<String> placeholdersOf(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replace(" ", ""));
        }
        return found;
    }

    private JsonNode read(String path) throws IOException {
        return json.readTree(text(path));
    }

    private static String text(String path) throws IOException {
        try (InputStream input = WebappLocaleTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(input).as(path).isNotNull();
            String content = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            return content.startsWith("\uFEFF") ? content.substring(1) : content;
        }
    }
}
