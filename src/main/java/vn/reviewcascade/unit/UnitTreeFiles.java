package vn.reviewcascade.unit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.reviewcascade.EngineClock;
import vn.reviewcascade.SetupStep;
import vn.reviewcascade.Sha256;
import vn.reviewcascade.SqlTimes;
import vn.reviewcascade.SystemContext;
import vn.reviewcascade.audit.AuditAction;
import vn.reviewcascade.audit.AuditLog;

/**
 * The tree files the organising board applies from the office page. The configured file is the first version; each
 * applied file is stored whole ({@code unit_tree_file}) and from then on serves new campaigns, its groups and Tasklist
 * filters made at once, without a restart. Running campaigns keep the units they started with: a unit the newer file
 * lacks stays known, retired ({@link UnitTree#followedBy}).
 *
 * <p>Every node serves the same version: each start replays the stored files on the configured one, and a running
 * node looks for a newer file every minute ({@code review-cascade.unit-tree-refresh}), so a second node follows a file
 * applied on the first within that time.
 */
@Service
@Order(0)
public class UnitTreeFiles implements SetupStep {

    private static final Logger log = LoggerFactory.getLogger(UnitTreeFiles.class);

    private final UnitTree tree;
    private final Resource configuredFile;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final EngineClock clock;
    private final SystemContext system;
    private final TreeAmendments amendments;
    /** The newest stored file this node serves; 0 when it serves the configured file alone. */
    private long served;
    /** The newest amendment (reorganisation) this node serves; 0 when none. */
    private long servedAmendment;

    UnitTreeFiles(UnitTree tree, @Value("${review-cascade.units-file}") Resource configuredFile, JdbcClient jdbc,
                  TransactionTemplate transactions, AuditLog audit, ApplicationEventPublisher events, EngineClock clock,
                  SystemContext system, TreeAmendments amendments) {
        this.amendments = amendments;
        this.tree = tree;
        this.configuredFile = configuredFile;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.system = system;
    }

    /** A version of the tree: the configured file (id 0) or a file applied since. */
    public record TreeFile(long id, String fileName, int units, Instant appliedAt, String appliedBy) {
    }

    /** Every version, oldest first, the one served last. */
    public List<TreeFile> versions() {
        List<TreeFile> stored = jdbc.sql("select id, file_name, unit_count, applied_at, applied_by from unit_tree_file order by id")
                .query((rs, row) -> new TreeFile(rs.getLong("id"), rs.getString("file_name"), rs.getInt("unit_count"),
                        SqlTimes.instant(rs, "applied_at"), rs.getString("applied_by")))
                .list();
        TreeFile configured = new TreeFile(0, configuredFile.getFilename(), configured().size(), null, null);
        return Stream.concat(Stream.of(configured), stored.stream()).toList();
    }

    /** The text of a version, as it was applied. */
    public Optional<String> source(long id) {
        if (id == 0) {
            return Optional.of(read(configuredFile));
        }
        return jdbc.sql("select source from unit_tree_file where id = ?").param(id).query(String.class).optional();
    }

    /** What applying the file would change, checked as applying checks it; nothing stored. */
    public TreeChanges preview(String fileName, String text) {
        return TreeChanges.between(tree, parse(fileName, text));
    }

    /**
     * Stores the file as the newest version and serves it: its units for new campaigns, its groups and filters. The
     * same file as the one served is not stored twice (empty result).
     */
    public Optional<TreeFile> apply(String fileName, String text, String user) {
        UnitTree newer = parse(fileName, text);
        String sha256 = Sha256.hex(text);
        String servedSha = jdbc.sql("select sha256 from unit_tree_file order by id desc").query(String.class).list()
                .stream().findFirst().orElseGet(() -> Sha256.hex(read(configuredFile)));
        if (servedSha.equals(sha256)) {
            return Optional.empty();
        }
        Instant now = clock.now();
        long id = transactions.execute(status -> {
            long reorganisations = jdbc.sql("select coalesce(max(id), 0) from reorganisation").query(Long.class).single();
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into unit_tree_file (file_name, source, sha256, unit_count, reorganisations_before,
                                                        applied_at, applied_by)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(fileName, text, sha256, newer.size(), reorganisations, SqlTimes.at(now), user)
                    .update(keys, "id");
            long stored = keys.getKey().longValue();
            audit.record(user, AuditAction.UNIT_TREE_APPLIED, "unit-tree", Long.toString(stored),
                    "%s — %,d đơn vị".formatted(fileName, newer.size()));
            return stored;
        });
        refresh();
        return Optional.of(new TreeFile(id, fileName, newer.size(), now, user));
    }

    /** At start, before the groups are made: the newest version, so the groups and filters made are its. */
    @Override
    public void run() {
        load();
    }

    /**
     * Serves the newest version: follows a file applied on another node (on this node {@link #apply} has already
     * served it) and a reorganisation applied on any node.
     */
    @Scheduled(fixedDelayString = "${review-cascade.unit-tree-refresh:PT1M}",
            initialDelayString = "${review-cascade.unit-tree-refresh:PT1M}")
    public void refresh() {
        if (load()) {
            // The groups and filters are the application's own, made whoever applied the file.
            system.run(() -> events.publishEvent(new UnitTreeReplaced(served)));
        }
    }

    /**
     * Rebuilds the tree from the stored files and reorganisations when they are not the ones served; whether it did.
     * Each file follows the tree as the reorganisations before it left it, so units they made stay known, retired.
     */
    private synchronized boolean load() {
        // Every node asks every minute: the newest ids answer it, the files are read only when one changed.
        long newest = jdbc.sql("select coalesce(max(id), 0) from unit_tree_file").query(Long.class).single();
        long newestAmendment = amendments.newest();
        if (newest == served && newestAmendment == servedAmendment) {
            return false;
        }
        List<StoredFile> files = jdbc.sql("select id, file_name, source, reorganisations_before from unit_tree_file order by id")
                .query((rs, row) -> new StoredFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("source"),
                        rs.getLong("reorganisations_before")))
                .list();
        UnitTree replayed = configured();
        long amendedTo = 0;
        for (StoredFile file : files) {
            replayed = amendments.applyTo(replayed, amendedTo, file.reorganisationsBefore())
                    .followedBy(parse(file.fileName(), file.source()));
            amendedTo = file.reorganisationsBefore();
        }
        tree.replaceWith(amendments.applyTo(replayed, amendedTo, newestAmendment));
        // The files read, not the id asked first: one applied in between is served now, not read again later.
        served = files.isEmpty() ? 0 : files.get(files.size() - 1).id();
        servedAmendment = newestAmendment;
        log.info("Unit tree: file version {} and reorganisation {} served ({} units)", served, servedAmendment, tree.size());
        return true;
    }

    private record StoredFile(long id, String fileName, String source, long reorganisationsBefore) {
    }

    private UnitTree configured() {
        return parse(configuredFile.getFilename(), read(configuredFile));
    }

    private static UnitTree parse(String fileName, String text) {
        return UnitTreeCsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), fileName);
    }

    private static String read(Resource file) {
        try (InputStream input = file.getInputStream()) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the unit tree file " + file.getDescription(), e);
        }
    }
}
