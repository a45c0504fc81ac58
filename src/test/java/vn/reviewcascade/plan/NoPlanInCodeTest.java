package vn.reviewcascade.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.reviewcascade.TestPlans;
import vn.reviewcascade.unit.UnitGroup;
import vn.reviewcascade.unit.UnitTree;
import vn.reviewcascade.unit.UnitTreeCsvReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KH 117 is data: no figure, section, level or deadline of it, nor its number, may be named in the application's
 * Java code (comments aside) or in a hand-written form, script, process, document or mail template. Forms,
 * validation and mails iterate whatever plan a campaign runs. Nor may they name a board of a shipped tree (Ban Dân
 * vận, which organises KH 117): which board organises a campaign is its plan's choice, read at run time.
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
        forbidden.addAll(boards());
        assertThat(offences(MAIN.resolve("java"), ".java", forbidden, true)).isEmpty();
    }

    @Test
    void handWrittenFormsScriptsProcessesAndTemplatesNameNoPartOfKh117NorABoard() throws IOException {
        List<Pattern> forbidden = new ArrayList<>(figureKeys());
        KH_117.sections().forEach(section -> forbidden.add(Pattern.compile("\\b" + section.key() + "\\b")));
        KH_117.levels().forEach(level -> forbidden.add(Pattern.compile("\\b" + level.key() + "\\b")));
        forbidden.add(Pattern.compile(Pattern.quote(KH_117.number())));
        forbidden.addAll(boards());
        List<String> offences = new ArrayList<>();
        offences.addAll(offences(MAIN.resolve("resources/static"), ".html", forbidden, false));
        offences.addAll(offences(MAIN.resolve("resources/static"), ".js", forbidden, false));
        offences.addAll(offences(MAIN.resolve("resources/mail"), "", forbidden, false));
        offences.addAll(offences(MAIN.resolve("resources/documents"), ".html", forbidden, false));
        offences.addAll(offences(MAIN.resolve("resources/META-INF/resources/webjars/camunda/app"), ".js", forbidden, false));
        offences.addAll(offences(Path.of("processes"), ".bpmn", forbidden, false));
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

    /** The scan finds a board of a shipped tree by its name or its group, in a process as in code. */
    @Test
    void theScanFindsABoardByNameOrGroup() {
        assertThat(offencesIn("<bpmn:process id=\"overdueDigest\" name=\"Tổng hợp gửi Ban Dân vận\">", boards(), false))
                .containsExactly("Ban Dân vận");
        assertThat(offencesIn("groups.add(\"bdv-tu\");", boards(), true)).containsExactly("bdv-tu");
    }

    private static List<Pattern> figureKeys() {
        return KH_117.indicators().stream().map(indicator -> Pattern.compile("\\b" + indicator.key() + "\\b")).toList();
    }

    /**
     * The shared boards of the shipped trees, by group id and by name without the committee they belong to
     * ("Ban Dân vận" of "Ban Dân vận Tỉnh ủy"). A unit's own groups are {@code <code>.<role>}; a board's id has no dot.
     */
    private static List<Pattern> boards() {
        Set<String> boards = new LinkedHashSet<>();
        for (String file : List.of("units/quang-tri-2019.csv", "units/quang-tri-2026.csv")) {
            UnitTree tree = tree(file);
            String committee = " " + tree.levels().get(0).name();
            for (UnitGroup group : tree.groups()) {
                if (!group.id().contains(".")) {
                    boards.add(group.id());
                    boards.add(group.name().endsWith(committee)
                            ? group.name().substring(0, group.name().length() - committee.length()) : group.name());
                }
            }
        }
        return boards.stream().map(board -> Pattern.compile(Pattern.quote(board))).toList();
    }

    private static UnitTree tree(String resource) {
        try (InputStream input = NoPlanInCodeTest.class.getClassLoader().getResourceAsStream(resource)) {
            return UnitTreeCsvReader.read(input, resource);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
