package vn.reviewcascade.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run: each benchmark class adds its section, and target/benchmark.md always holds the sections of
 * this run (the benchmarks run in one JVM), in the order they ran. Each section is also printed.
 */
final class BenchmarkReport {

    static final Path FILE = Path.of("target", "benchmark.md");
    private static final Map<String, List<String>> SECTIONS = new LinkedHashMap<>();

    private BenchmarkReport() {
    }

    static synchronized void write(String title, List<String> lines) {
        List<String> section = new ArrayList<>();
        section.add("## " + title);
        section.add("");
        section.addAll(lines);
        section.add("");
        SECTIONS.put(title, section);
        List<String> file = new ArrayList<>(List.of("# Benchmark figures, " + LocalDate.now(), "", environment(), ""));
        SECTIONS.values().forEach(file::addAll);
        try {
            Files.createDirectories(FILE.getParent());
            Files.write(FILE, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println();
        section.forEach(System.out::println);
    }

    /**
     * Each benchmark's own in-memory database, dropped when its context closes: the tests' URL keeps a database until
     * the JVM ends (DB_CLOSE_DELAY=-1), which would leave one benchmark's data in the heap the next one measures.
     * Connections never retire (max-lifetime 0), so the database cannot vanish while the pool refills.
     */
    static void ownDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        if (System.getProperty("spring.datasource.url") == null) {
            String url = "jdbc:h2:mem:benchmark-" + java.util.UUID.randomUUID() + ";LOCK_TIMEOUT=10000";
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.hikari.max-lifetime", () -> "0");
        }
    }

    static String environment() {
        return "Database: %s; Java %s; %d cores (load average %.1f at the end); max heap %,d MB.".formatted(
                System.getProperty("spring.datasource.url", "H2 in memory"), Runtime.version().feature(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    static String seconds(long nanos) {
        return "%,.2f s".formatted(nanos / 1e9);
    }

    static String millis(double nanos) {
        return "%,.2f ms".formatted(nanos / 1e6);
    }

    static String duration(long nanos) {
        Duration duration = Duration.ofNanos(nanos);
        return duration.toMinutes() > 0 ? "%d min %02d s".formatted(duration.toMinutes(), duration.toSecondsPart())
                : seconds(nanos);
    }

    /** Heap in use after a full collection, in MB. */
    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }
}
