package vn.reviewcascade.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.reviewcascade.Sha256;
import vn.reviewcascade.EngineClock;
import vn.reviewcascade.NotFoundException;
import vn.reviewcascade.SqlTimes;

/**
 * Every plan ever registered, each version kept whole as its file. A campaign names the version it started with,
 * so registering a new version of a plan never changes a running campaign. Versions never change once registered,
 * which is why each node may keep the plans it has read.
 */
@Service
public class PlanCatalog {

    private final JdbcClient jdbc;
    private final EngineClock clock;
    private final Map<String, Plan> read = new ConcurrentHashMap<>();

    public PlanCatalog(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A registered version, as listed: without its content. */
    public record PlanVersion(String number, int version, String title, String sha256, Instant registeredAt,
                              String registeredBy) {
    }

    /** @param created false when the same file was already registered: nothing new was stored */
    public record Registration(PlanVersion version, boolean created) {
    }

    /**
     * Checks the file whole and registers it as the next version of its plan; the same file again (any earlier
     * version with the same content) is not registered twice.
     *
     * @throws PlanException with every problem of the file and its line; nothing is stored
     */
    @Transactional
    public Registration register(String source, String registeredBy) {
        String text = stored(source);
        Plan plan = PlanReader.read(text, 0);
        String sha256 = Sha256.hex(text);
        List<PlanVersion> versions = versions(plan.number());
        Optional<PlanVersion> same = same(versions, sha256);
        if (same.isPresent()) {
            return new Registration(same.get(), false);
        }
        int next = nextVersion(versions);
        Instant now = clock.now();
        jdbc.sql("""
                        insert into plan (plan_number, version, title, source, sha256, registered_at, registered_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(plan.number(), next, plan.title(), text, sha256, SqlTimes.at(now), registeredBy)
                .update();
        return new Registration(new PlanVersion(plan.number(), next, plan.title(), sha256, now, registeredBy), true);
    }

    /**
     * What {@link #register} would do with a file already read and checked, nothing stored: the version it is
     * already registered as, if any, and else the version it would become.
     */
    public Registration wouldRegister(Plan plan, String source) {
        List<PlanVersion> versions = versions(plan.number());
        String text = stored(source);
        return same(versions, Sha256.hex(text)).map(version -> new Registration(version, false)).orElseGet(() ->
                new Registration(new PlanVersion(plan.number(), nextVersion(versions), plan.title(), Sha256.hex(text),
                        null, null), true));
    }

    /** Line ends as stored: a file saved on Windows is the same plan as on Linux. */
    private static String stored(String source) {
        return source == null ? "" : source.replace("\r\n", "\n");
    }

    private static Optional<PlanVersion> same(List<PlanVersion> versions, String sha256) {
        return versions.stream().filter(version -> version.sha256().equals(sha256)).findFirst();
    }

    private static int nextVersion(List<PlanVersion> versions) {
        return versions.stream().mapToInt(PlanVersion::version).max().orElse(0) + 1;
    }

    /** @throws NotFoundException for a version never registered */
    public Plan plan(String number, int version) {
        return read.computeIfAbsent(number + "#" + version, key -> {
            String source = jdbc.sql("select source from plan where plan_number = ? and version = ?")
                    .params(number, version).query(String.class).optional()
                    .orElseThrow(() -> new NotFoundException("Không có kế hoạch " + number + " phiên bản " + version));
            return PlanReader.read(source, version);
        });
    }

    public Optional<PlanVersion> latest(String number) {
        List<PlanVersion> versions = versions(number);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** Every version of every plan, by plan number and version. */
    public List<PlanVersion> versions() {
        return jdbc.sql("select " + COLUMNS + " from plan order by plan_number, version").query(PlanCatalog::version).list();
    }

    public List<PlanVersion> versions(String number) {
        return jdbc.sql("select " + COLUMNS + " from plan where plan_number = ? order by version").param(number)
                .query(PlanCatalog::version).list();
    }

    /** The file of a version, as registered. */
    public String source(String number, int version) {
        return jdbc.sql("select source from plan where plan_number = ? and version = ?").params(number, version)
                .query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("Không có kế hoạch " + number + " phiên bản " + version));
    }

    private static final String COLUMNS = "plan_number, version, title, sha256, registered_at, registered_by";

    private static PlanVersion version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PlanVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                SqlTimes.instant(rs, "registered_at"), rs.getString(6));
    }
}
