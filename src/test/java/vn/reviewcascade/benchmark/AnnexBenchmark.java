package vn.reviewcascade.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.FileSystemUtils;

import vn.reviewcascade.CsvRows;
import vn.reviewcascade.TestPlans;
import vn.reviewcascade.annex.AnnexWorkbooks;
import vn.reviewcascade.campaign.Campaign;
import vn.reviewcascade.campaign.CampaignService;
import vn.reviewcascade.document.DocxRendering;
import vn.reviewcascade.document.PdfRendering;
import vn.reviewcascade.document.WrittenDocument;
import vn.reviewcascade.plan.Plan;
import vn.reviewcascade.plan.PlanReader;
import vn.reviewcascade.report.ReportRepository;
import vn.reviewcascade.unit.Unit;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static vn.reviewcascade.benchmark.BenchmarkReport.heapAfterGc;
import static vn.reviewcascade.benchmark.BenchmarkReport.seconds;

/**
 * Measures, never asserts, the time and heap to render a national-size annex:
 * <ul>
 * <li>the written report's annex (PDF with {@link PdfRendering}, DOCX with {@link DocxRendering}) of a parent with
 * {@code -Dbenchmark.annex-rows=1300} subordinate rows, on KH 117's annex (23 figures in six groups, the widest plan
 * that ships), laid out as {@code WrittenDocuments} lays it out: a table per group of at most seven columns, each with
 * a row per subordinate, their total, the parent's own figures and the differences;</li>
 * <li>the annex workbook ({@link AnnexWorkbooks}, the code behind {@code GET …/annex.xlsx}) of the whole
 * {@link NationalTree} (53,356 units at the default sizes) on the national sample plan, read from an H2 database
 * migrated by the application's Flyway scripts and filled as a campaign near its end would be (most reports
 * submitted, some late additions, some parents' figures differing from their sums, some units not reported).</li>
 * </ul>
 * No application context starts: the renderers and the workbook's service are built directly (the campaign looked up
 * by a stub), so the heap measured is theirs. Heap: in use after a forced GC before the work (baseline), the highest
 * use sampled every millisecond during it, above the baseline (garbage not yet collected included, so an upper
 * bound of what the work needs), and what stays after another forced GC.
 *
 * <p>{@code mvn -o -B -Pbenchmark test -Dtest=AnnexBenchmark}; sizes of the tree as for {@link NationalBenchmark}
 * ({@code -Dbenchmark.provinces=34 -Dbenchmark.communes=3321 -Dbenchmark.bases=50000}); a smaller heap to show the
 * workbook does not need one: {@code -DargLine=-Xmx256m}. Figures go to target/benchmark.md.
 */
class AnnexBenchmark {

    private static final int ANNEX_ROWS = Integer.getInteger("benchmark.annex-rows", 1300);
    private static final NationalTree.Sizes SIZES = NationalTree.Sizes.fromSystemProperties();
    private static final Path TREE = Path.of("target", "benchmark-national-tree.csv");
    /** Columns of one table of the written annex, as {@code WrittenDocuments} splits a wide group. */
    private static final int COLUMNS_PER_TABLE = 7;
    private static final long CAMPAIGN = 1;
    private static final String INSERT_FIGURE = "insert into report_figure (campaign_id, unit_code, indicator, figure) values (?, ?, ?, ?)";

    @Test
    void writtenAnnexOfAParentWithANationalNumberOfSubordinates() {
        Plan plan = TestPlans.kh117();
        PdfRendering pdf = new PdfRendering();
        DocxRendering docx = new DocxRendering();
        // Untimed: loads the fonts, the template and the classes, and lets the JIT see the code once.
        pdf.pdf(document(plan, 50), "khởi động");
        docx.docx(document(plan, 50));

        WrittenDocument document = document(plan, ANNEX_ROWS);
        int tableRows = document.annex().tables().stream().mapToInt(table -> table.rows().size()).sum();
        Measured<byte[]> pdfRun = measure(() -> pdf.pdf(document, "đo tải"));
        Measured<byte[]> docxRun = measure(() -> docx.docx(document));
        BenchmarkReport.write("Written annex of a parent with %,d subordinates".formatted(ANNEX_ROWS), List.of(
                "KH 117's annex (%d figures, %d groups): %d tables, %,d table rows in all."
                        .formatted(plan.indicators().size(), plan.annex().groups().size(), document.annex().tables().size(),
                                tableRows),
                "",
                "| rendering | wall time | file | heap baseline | peak above baseline | retained after GC |",
                "|---|---|---|---|---|---|",
                pdfRun.line("PDF (`PdfRendering`)"),
                docxRun.line("DOCX (`DocxRendering`)")));
    }

    @Test
    void workbookOfTheNationalTree() throws IOException {
        Plan plan = PlanReader.read(TestPlans.text("benchmark/national-plan.yaml"), 1);
        JdbcDataSource dataSource = new JdbcDataSource();
        // A file database, so the data is not in the heap being measured (H2 keeps a small page cache).
        Path database = Path.of("target", "annex-benchmark", UUID.randomUUID().toString());
        dataSource.setURL("jdbc:h2:file:" + database.resolve("db").toAbsolutePath());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long started = System.nanoTime();
        int units = fill(jdbc, plan);
        long filled = System.nanoTime() - started;

        CampaignService campaigns = mock(CampaignService.class);
        when(campaigns.find(CAMPAIGN)).thenReturn(new Campaign(CAMPAIGN, plan, "Sơ kết toàn quốc (mẫu để đo tải)",
                NationalTree.ROOT, 2026, null, Map.of(), Instant.now(), "benchmark"));
        AnnexWorkbooks workbooks = new AnnexWorkbooks(campaigns, new ReportRepository(JdbcClient.create(jdbc), jdbc),
                new DataSourceTransactionManager(dataSource));
        String warmUp = jdbc.queryForObject("select min(unit_code) from campaign_unit where level = 'COMMUNE'", String.class);
        workbooks.write(CAMPAIGN, warmUp, Instant.now(), OutputStream.nullOutputStream());
        String province = jdbc.queryForObject("select min(unit_code) from campaign_unit where level = 'PROVINCE'", String.class);
        int provinceUnits = count(jdbc, province);

        Measured<Long> provinceRun = measure(() -> write(workbooks, province));
        Measured<Long> nationalRun = measure(() -> write(workbooks, NationalTree.ROOT));
        BenchmarkReport.write("Annex workbook of the national tree", List.of(
                "%,d units (%s), %d figures per unit; the database filled in %s (not part of the figures)."
                        .formatted(units, SIZES, plan.indicators().size(), seconds(filled)),
                "",
                "| workbook | rows | wall time | file | heap baseline | peak above baseline | retained after GC |",
                "|---|---|---|---|---|---|---|",
                provinceRun.line("one province (`%s`, %,d units)".formatted(province, provinceUnits), provinceUnits),
                nationalRun.line("the whole tree (`%s`)".formatted(NationalTree.ROOT), units)));
        // The database closed with its last connection; its files are a few hundred MB at the national size.
        FileSystemUtils.deleteRecursively(database);
    }

    /** A parent's report as the written document composes it: its subordinates' rows, their total, its own, the difference. */
    private static WrittenDocument document(Plan plan, int subordinates) {
        List<WrittenDocument.Table> tables = new ArrayList<>();
        for (Plan.Group group : plan.annex().groups()) {
            List<Plan.Indicator> indicators = group.indicators();
            for (int from = 0; from < indicators.size(); from += COLUMNS_PER_TABLE) {
                List<Plan.Indicator> chunk = indicators.subList(from, Math.min(from + COLUMNS_PER_TABLE, indicators.size()));
                List<WrittenDocument.Row> rows = new ArrayList<>();
                for (int i = 1; i <= subordinates; i++) {
                    int unit = i;
                    rows.add(new WrittenDocument.Row("Đảng ủy cơ sở mẫu số %04d%s".formatted(i, i % 97 == 0 ? " (*)" : ""),
                            chunk.stream().map(indicator -> figure(indicator, unit)).toList(),
                            WrittenDocument.RowKind.SUBORDINATE));
                }
                List<Long> total = chunk.stream().map(indicator -> (long) subordinates * figure(indicator, 1)).toList();
                rows.add(new WrittenDocument.Row("Cộng các đơn vị trực thuộc", total, WrittenDocument.RowKind.TOTAL));
                rows.add(new WrittenDocument.Row("Đảng ủy Khối mẫu (số liệu báo cáo)", total.stream().map(v -> v + 1).toList(),
                        WrittenDocument.RowKind.OWN));
                rows.add(new WrittenDocument.Row("Chênh lệch so với cộng các đơn vị", total.stream().map(v -> 1L).toList(),
                        WrittenDocument.RowKind.DIFFERENCE));
                tables.add(new WrittenDocument.Table(group.title(), chunk.stream()
                        .map(i -> new WrittenDocument.Column(i.label(), i.unit(), i.partOf() != null)).toList(), rows));
            }
        }
        List<WrittenDocument.Part> parts = plan.sections().stream().map(section -> new WrittenDocument.Part(
                section.number() + ".", section.title(), "Nội dung mục " + section.number() + ".")).toList();
        return new WrittenDocument("TỈNH ỦY MẪU", "ĐẢNG ỦY KHỐI MẪU", "BC/ĐUK", null, "ngày      tháng      năm 2030",
                "BÁO CÁO", "sơ kết (mẫu để đo tải)", parts,
                new WrittenDocument.Annex("PHỤ LỤC SỐ LIỆU", tables, true, List.of("(*) Báo cáo gửi sau khi đơn vị đã tổng hợp.")),
                new WrittenDocument.Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ", null), List.of("Lưu văn phòng"), true);
    }

    private static long figure(Plan.Indicator indicator, int unit) {
        return indicator.partOf() == null ? 10 + unit % 7 : 2;
    }

    /**
     * A campaign near its end (the tree file lists parents before their units, so its reverse sums bottom up): every base unit has reported but one in 23, one in 29 after its committee had
     * consolidated; committees and provinces report their sums (one committee in 5 changes a figure by one); the
     * centre is still drafting. Returns the number of units.
     */
    private static int fill(JdbcTemplate jdbc, Plan plan) throws IOException {
        NationalTree.write(TREE, SIZES);
        // Read line by line rather than as a UnitTree, whose groups and memberships would not leave room in a small heap.
        List<Unit> units = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(TREE)) {
            reader.readLine();
            List<CsvRows.Row> rows = CsvRows.read(reader, 2, true);
            for (CsvRows.Row row : rows.subList(1, rows.size())) {
                List<String> cells = row.cells();
                units.add(new Unit(cells.get(0), cells.get(1), cells.get(2), cells.get(3).isEmpty() ? null : cells.get(3),
                        cells.get(4), null, null, null, null, null, null));
            }
        }
        jdbc.update("""
                insert into campaign (id, plan_number, plan_version, title, root_unit, campaign_year, started_at, started_by)
                values (?, ?, 1, 'Sơ kết toàn quốc (mẫu để đo tải)', ?, 2026, current_timestamp, 'benchmark')""",
                CAMPAIGN, plan.number(), NationalTree.ROOT);
        new ReportRepository(JdbcClient.create(jdbc), jdbc).insertAll(CAMPAIGN, NationalTree.ROOT, units);

        Instant consolidated = Instant.parse("2026-10-31T17:00:00Z");
        Map<String, Map<String, Long>> sums = new HashMap<>();
        List<Object[]> figures = new ArrayList<>();
        List<Object[]> states = new ArrayList<>();
        for (int i = units.size() - 1; i >= 0; i--) {
            Unit unit = units.get(i);
            boolean base = unit.level().equals("BASE");
            if (unit.isRoot() || base && i % 23 == 0) {
                states.add(new Object[] {null, null, CAMPAIGN, unit.code()});
                continue;
            }
            Map<String, Long> own = new HashMap<>();
            for (Plan.Indicator indicator : plan.indicators()) {
                long sum = sums.getOrDefault(unit.code(), Map.of()).getOrDefault(indicator.key(), 0L);
                own.put(indicator.key(), base ? figure(indicator, i) : sum + (i % 5 == 0 ? 1 : 0));
            }
            own.forEach((indicator, figure) -> figures.add(new Object[] {CAMPAIGN, unit.code(), indicator, figure}));
            if (figures.size() > 10_000) {
                jdbc.batchUpdate(INSERT_FIGURE, figures);
                figures.clear();
            }
            own.forEach((indicator, figure) -> sums.computeIfAbsent(unit.parentCode(), code -> new HashMap<>())
                    .merge(indicator, figure, Long::sum));
            Instant submitted = base && i % 29 == 0 ? consolidated.plusSeconds(3600) : consolidated.minusSeconds(3600);
            states.add(new Object[] {Timestamp.from(submitted),
                    base ? null : Timestamp.from(consolidated), CAMPAIGN, unit.code()});
        }
        jdbc.batchUpdate(INSERT_FIGURE, figures);
        jdbc.batchUpdate("update campaign_unit set submitted_at = ?, consolidated_at = ? where campaign_id = ? and unit_code = ?",
                states);
        return units.size();
    }

    private static int count(JdbcTemplate jdbc, String parent) {
        return 1 + jdbc.queryForObject("""
                select count(*) from campaign_unit r where r.campaign_id = ? and (r.parent_code = ?
                    or r.parent_code in (select c.unit_code from campaign_unit c where c.campaign_id = ? and c.parent_code = ?))""",
                Integer.class, CAMPAIGN, parent, CAMPAIGN, parent);
    }

    /** The workbook's bytes, counted as they go out, as a response would send them. */
    private static long write(AnnexWorkbooks workbooks, String unit) throws IOException {
        AtomicLong bytes = new AtomicLong();
        workbooks.write(CAMPAIGN, unit, Instant.now(), new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        });
        return bytes.get();
    }

    /** The work's result, wall time and heap: baseline after a forced GC, sampled peak above it, retained after. */
    private record Measured<T>(T result, long nanos, long baselineMb, long peakAboveMb, long retainedMb) {

        String line(String what, Object... rows) {
            long size = result instanceof byte[] bytes ? bytes.length : (Long) result;
            String cells = rows.length == 0 ? "" : "%,d | ".formatted(rows[0]);
            return "| %s | %s%s | %,d KB | %,d MB | %,d MB | %,d MB |".formatted(what, cells, seconds(nanos),
                    size / 1024, baselineMb, peakAboveMb, retainedMb - baselineMb);
        }
    }

    private static <T> Measured<T> measure(Callable<T> work) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = heapAfterGc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            running.set(false);
        }
        long nanos = System.nanoTime() - started;
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long retained = heapAfterGc();
        return new Measured<>(result, nanos, baseline, peak.get() / (1024 * 1024) - baseline, retained);
    }
}
