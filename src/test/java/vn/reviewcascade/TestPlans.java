package vn.reviewcascade;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.plan.PlanReader;

/** The plan files the application ships, read as the application reads them, for tests without a context. */
public final class TestPlans {

    private TestPlans() {
    }

    public static Plan kh117() {
        return read("plans/117-KH-TU.yaml");
    }

    /** The sample plan of the 2026 shape: two levels, four sections, ten figures. */
    public static Plan sample() {
        return read("plans/900-KH-TU-mau.yaml");
    }

    public static String text(String resource) {
        try (InputStream input = TestPlans.class.getClassLoader().getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("No " + resource + " on the classpath");
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Plan read(String resource) {
        return PlanReader.read(text(resource), 1);
    }
}
