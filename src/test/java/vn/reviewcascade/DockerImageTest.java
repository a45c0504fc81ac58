package vn.reviewcascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/**
 * The Docker image cannot be built here (no Docker engine), so what can go wrong between the files is checked: the
 * build stage gets every directory the jar is packaged from, and the image launches the files the class data script
 * writes.
 */
class DockerImageTest {

    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");

    @Test
    void theBuildStageCopiesEveryDirectoryThePomPackages() throws Exception {
        NodeList directories = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                "/project/build/resources/resource/directory",
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile()),
                XPathConstants.NODESET);
        List<String> copied = buildStage().stream().filter(line -> line.startsWith("COPY "))
                .map(line -> line.split("\\s+")[1]).toList();
        assertThat(directories.getLength()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < directories.getLength(); i++) {
            String directory = directories.item(i).getTextContent().trim();
            String topLevel = directory.contains("/") ? directory.substring(0, directory.indexOf('/')) : directory;
            assertThat(copied).as("the build stage's COPY lines for %s", directory).contains(topLevel);
        }
    }

    @Test
    void theImageLaunchesTheJarAndArchiveTheClassDataScriptWrites() throws Exception {
        String script = Files.readString(Path.of("docker/class-data.sh"));
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(script).contains("name=review-cascade.jar").contains("\"$directory/review-cascade.jsa\"");
        assertThat(dockerfile).contains("RUN sh /tmp/class-data.sh /tmp/review-cascade.jar /app ")
                .contains("\"-XX:SharedArchiveFile=/app/review-cascade.jsa\", \"-jar\", \"/app/review-cascade.jar\"");
    }

    private static List<String> buildStage() throws Exception {
        List<String> lines = new ArrayList<>();
        boolean inBuild = false;
        for (String line : Files.readAllLines(DOCKERFILE)) {
            if (line.startsWith("FROM ")) {
                if (inBuild) {
                    break;
                }
                inBuild = line.endsWith(" AS build");
            } else if (inBuild) {
                lines.add(line.trim());
            }
        }
        return lines;
    }
}
