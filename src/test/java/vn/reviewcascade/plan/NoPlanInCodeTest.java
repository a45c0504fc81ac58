package vn.reviewcascade.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.reviewcascade.TestPlans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KH 117 is data: no figure, section, level or deadline of it, nor its number, may be named in the application's
 * Java code (comments aside) or in a hand-written form, script or mail template. Forms, validation and mails
 * iterate whatever plan a campaign runs.
 */
class NoPlanInCodeTest {

    private static final Path MAIN = Path.of("src", "main");
    private static final Plan KH_117 = TestPlans.kh117();

    @Test
    void javaCodeNamesNoPartOfKh117() throws IOException {
        List<Pattern> forbidden = new ArrayList<>(figureKeys());
        KH_117.sections().forEach(section -> forbidden.add(Pattern.compile("\"" + section.key() + "\"")));
        KH_117.levels().forEach(level -> {
            forbidden.add(Pattern.compile("\"" + level.key() + "\""));
            forbidden.add(Pattern.compile("\\b[A-Za-z]+\\." + level.key() + "\\b"));
        });
        // The deadlines KH 117 once had by name (guidance is every plan's), and its number as a value.
        for (String name : List.of("base", "district", "submission", "province")) {
            forbidden.add(Pattern.compile("\"" + name + "\"\\s*[,)]"));
        }
        forbidden.add(Pattern.compile("\"" + Pattern.quote(KH_117.number()) + "\""));
        forbidden.add(Pattern.compile("\"section\"\\s*\\+"));
        assertThat(offences(MAIN.resolve("java"), ".java", forbidden, true)).isEmpty();
    }

    @Test
    void handWrittenFormsScriptsAndMailsNameNoFigureSectionOrLevelOfKh117() throws IOException {
        List<Pattern> forbidden = new ArrayList<>(figureKeys());
        KH_117.sections().forEach(section -> forbidden.add(Pattern.compile("\\b" + section.key() + "\\b")));
        KH_117.levels().forEach(level -> forbidden.add(Pattern.compile("\\b" + level.key() + "\\b")));
        List<String> offences = new ArrayList<>();
        offences.addAll(offences(MAIN.resolve("resources/static"), ".html", forbidden, false));
        offences.addAll(offences(MAIN.resolve("resources/mail"), "", forbidden, false));
        offences.addAll(offences(MAIN.resolve("resources/META-INF/resources/webjars/camunda/app"), ".js", forbidden, false));
        assertThat(offences).isEmpty();
    }

    /** The scan finds what it looks for: a figure key in code is an offence. */
    @Test
    void theScanFindsAFigureKeyInCode() {
        List<String> found = offencesIn("Map.of(\"partyMembers\", 1); // partyMembers in a comment is fine",
                figureKeys(), true);
        assertThat(found).containsExactly("partyMembers");
        assertThat(offencesIn("/* partyMembers */ int members;", figureKeys(), true)).isEmpty();
    }

    private static List<Pattern> figureKeys() {
        return KH_117.indicators().stream().map(indicator -> Pattern.compile("\\b" + indicator.key() + "\\b")).toList();
    }

    private static List<String> offences(Path root, String suffix, List<Pattern> forbidden, boolean javaComments)
            throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix)).toList()) {
                offencesIn(Files.readString(file), forbidden, javaComments)
                        .forEach(found -> offences.add(file + ": " + found));
            }
        }
        return offences;
    }

    private static List<String> offencesIn(String text, List<Pattern> forbidden, boolean javaComments) {
        String code = javaComments ? text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "") : text;
        List<String> found = new ArrayList<>();
        for (Pattern pattern : forbidden) {
            var matcher = pattern.matcher(code);
            while (matcher.find()) {
                found.add(matcher.group().replace("\"", ""));
            }
        }
        return found;
    }
}
