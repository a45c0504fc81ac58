package vn.reviewcascade.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Counts, exactly, what goes through a DataSource: every SQL statement executed (each entry of a JDBC batch counts
 * as one statement; the batch itself is one round trip), the time spent inside the driver's execute calls, and the
 * rows each INSERT, UPDATE and DELETE wrote, by table, from the update counts the driver returns. Counts are global
 * (all threads); a thread's own bookkeeping queries can be left out with {@link #uncounted}. The benchmark wraps the
 * application's DataSource bean in it, so the engine, Flyway and the application's JdbcClient are all counted.
 */
final class CountingDataSource {

    private static final Pattern WRITE = Pattern.compile(
            "^\\s*(insert\\s+into|update|delete\\s+from|delete|merge\\s+into)\\s+([A-Za-z0-9_.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM = Pattern.compile("\\bfrom\\s+([A-Za-z0-9_.\"]+)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, SqlStat> STATS = new ConcurrentHashMap<>();
    private static final LongAdder ROUND_TRIPS = new LongAdder();
    private static final ThreadLocal<Boolean> PAUSED = ThreadLocal.withInitial(() -> false);

    private CountingDataSource() {
    }

    static DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                new Forwarding(target) {
                    @Override
                    Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
                        Object result = forward(method, args);
                        return result instanceof Connection connection ? connection(connection) : result;
                    }
                });
    }

    /** Runs the work without counting what it executes on this thread. */
    static <T> T uncounted(Supplier<T> work) {
        boolean before = PAUSED.get();
        PAUSED.set(true);
        try {
            return work.get();
        } finally {
            PAUSED.set(before);
        }
    }

    static Counts snapshot() {
        Map<String, long[]> copy = new HashMap<>();
        STATS.forEach((sql, stat) -> {
            long[] values = copy.computeIfAbsent(sql.strip().replaceAll("\\s+", " "), any -> new long[3]);
            values[0] += stat.executions.sum();
            values[1] += stat.nanos.sum();
            values[2] += stat.rows.sum();
        });
        return new Counts(copy, ROUND_TRIPS.sum());
    }

    private static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Forwarding(target) {
                    @Override
                    Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
                        Object result = forward(method, args);
                        String name = method.getName();
                        if (result instanceof CallableStatement statement) {
                            return statement(statement, CallableStatement.class, (String) args[0]);
                        } else if (result instanceof PreparedStatement statement && name.equals("prepareStatement")) {
                            return statement(statement, PreparedStatement.class, (String) args[0]);
                        } else if (result instanceof Statement statement && name.equals("createStatement")) {
                            return statement(statement, Statement.class, null);
                        }
                        return result;
                    }
                });
    }

    private static Statement statement(Statement target, Class<? extends Statement> type, String preparedSql) {
        return (Statement) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type},
                new Forwarding(target) {
                    private final List<String> batch = new ArrayList<>();

                    @Override
                    Object intercept(Object proxy, Method method, Object[] args) throws Throwable {
                        String name = method.getName();
                        boolean hasSql = args != null && args.length > 0 && args[0] instanceof String;
                        switch (name) {
                            case "addBatch" -> {
                                Object result = forward(method, args);
                                batch.add(hasSql ? (String) args[0] : preparedSql);
                                return result;
                            }
                            case "clearBatch" -> {
                                batch.clear();
                                return forward(method, args);
                            }
                            case "executeBatch", "executeLargeBatch" -> {
                                List<String> entries = List.copyOf(batch);
                                batch.clear();
                                long started = System.nanoTime();
                                Object result = forward(method, args);
                                long nanos = System.nanoTime() - started;
                                if (!PAUSED.get()) {
                                    ROUND_TRIPS.increment();
                                    for (int i = 0; i < entries.size(); i++) {
                                        long rows = result instanceof int[] counts ? counts[i]
                                                : result instanceof long[] counts ? counts[i] : 0;
                                        record(entries.get(i), nanos / Math.max(1, entries.size()), Math.max(0, rows));
                                    }
                                }
                                return result;
                            }
                            case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
                                String sql = hasSql ? (String) args[0] : preparedSql;
                                long started = System.nanoTime();
                                Object result = forward(method, args);
                                long nanos = System.nanoTime() - started;
                                if (!PAUSED.get()) {
                                    ROUND_TRIPS.increment();
                                    long rows = 0;
                                    if (result instanceof Integer count) {
                                        rows = count;
                                    } else if (result instanceof Long count) {
                                        rows = count;
                                    } else if (Boolean.FALSE.equals(result)) {
                                        rows = ((Statement) target).getUpdateCount();
                                    }
                                    record(sql, nanos, Math.max(0, rows));
                                }
                                return result;
                            }
                            default -> {
                                return forward(method, args);
                            }
                        }
                    }
                });
    }

    /** Keyed by the text as executed; whitespace is normalised only when a snapshot is taken, off the hot path. */
    private static void record(String sql, long nanos, long rows) {
        SqlStat stat = STATS.computeIfAbsent(sql == null ? "?" : sql, SqlStat::new);
        stat.executions.increment();
        stat.nanos.add(nanos);
        if (stat.write) {
            stat.rows.add(rows);
        }
    }

    private static final class SqlStat {
        final LongAdder executions = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder rows = new LongAdder();
        final boolean write;

        SqlStat(String sql) {
            write = WRITE.matcher(sql).find();
        }
    }

    /** Forwards every call to the target; identity, not the target's, decides equality of the proxy. */
    private abstract static class Forwarding implements InvocationHandler {

        private final Object target;

        Forwarding(Object target) {
            this.target = target;
        }

        abstract Object intercept(Object proxy, Method method, Object[] args) throws Throwable;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "equals" -> args != null && args.length == 1 && proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "Counting(" + target + ")";
                default -> intercept(proxy, method, args);
            };
        }

        Object forward(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** What was executed up to a moment; {@link #minus} gives what happened between two moments. */
    record Counts(Map<String, long[]> bySql, long roundTrips) {

        Counts minus(Counts earlier) {
            Map<String, long[]> difference = new HashMap<>();
            bySql.forEach((sql, now) -> {
                long[] before = earlier.bySql.getOrDefault(sql, new long[3]);
                long[] delta = {now[0] - before[0], now[1] - before[1], now[2] - before[2]};
                if (delta[0] != 0) {
                    difference.put(sql, delta);
                }
            });
            return new Counts(difference, roundTrips - earlier.roundTrips);
        }

        long statements() {
            return bySql.values().stream().mapToLong(values -> values[0]).sum();
        }

        long nanos() {
            return bySql.values().stream().mapToLong(values -> values[1]).sum();
        }

        /** Statements by their first word: select, insert, update, delete. */
        Map<String, Long> statementsByKind() {
            Map<String, Long> kinds = new java.util.TreeMap<>();
            bySql.forEach((sql, values) -> kinds.merge(sql.split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT), values[0], Long::sum));
            return kinds;
        }

        /** Statements by kind and the first table they name: {"select ACT_RU_JOB": 2, "update REPORT": 2}. */
        Map<String, Long> statementsByTable() {
            Map<String, Long> tables = new java.util.TreeMap<>();
            bySql.forEach((sql, values) -> {
                String kind = sql.split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
                Matcher write = WRITE.matcher(sql);
                // The table of a select is that of its own from clause, not of a subquery in its columns.
                String outer = sql;
                for (String before = ""; !before.equals(outer); ) {
                    before = outer;
                    outer = outer.replaceAll("\\([^()]*\\)", "");
                }
                Matcher from = FROM.matcher(outer);
                String table = write.find() ? write.group(2) : from.find() ? from.group(1) : "?";
                table = table.replace("\"", "").toUpperCase(Locale.ROOT);
                tables.merge(kind + " " + table.substring(table.lastIndexOf('.') + 1), values[0], Long::sum);
            });
            return tables;
        }

        /** Rows written per table and kind of write: {"ACT_RU_JOB": {"insert": 3, "delete": 3}}. */
        Map<String, Map<String, Long>> rowsWritten() {
            Map<String, Map<String, Long>> tables = new java.util.TreeMap<>();
            bySql.forEach((sql, values) -> {
                Matcher write = WRITE.matcher(sql);
                if (write.find()) {
                    String kind = write.group(1).toLowerCase(Locale.ROOT).split("\\s")[0];
                    String table = write.group(2).replace("\"", "").toUpperCase(Locale.ROOT);
                    table = table.substring(table.lastIndexOf('.') + 1);
                    tables.computeIfAbsent(table, any -> new java.util.TreeMap<>()).merge(kind, values[2], Long::sum);
                }
            });
            return tables;
        }
    }
}
