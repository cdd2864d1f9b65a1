package ai.truedy.loader.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.truedy.loader.state.JournalUnavailableException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database the instances of a cluster share, through a HikariCP pool; its schema
 * (tables named {@code loader_*}) is created and migrated at start ({@link ClusterSchema}). It remembers
 * whether the last use failed, for readiness; the pool reconnects by itself.
 */
public final class ClusterDatabase extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterDatabase.class);

    /** Work done on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String instanceId;
    private volatile String unreachable;
    private volatile Instant warnedAt = Instant.EPOCH;

    private ClusterDatabase(HikariDataSource pool, String instanceId) {
        this.pool = pool;
        this.instanceId = instanceId;
    }

    /** Connects and migrates the schema; fails with a message that never holds the password. */
    public static ClusterDatabase open(ClusterSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("loader-cluster");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username().isEmpty() ? null : settings.username());
        config.setPassword(settings.password().isEmpty() ? null : settings.password());
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        config.setInitializationFailTimeout(-1); // the pool starts even while the database is down
        // a frozen instance must not hold a claim's row lock past its lease: the server ends such a transaction
        config.setConnectionInitSql("SET idle_in_transaction_session_timeout = " + settings.lease().toMillis());
        config.addDataSourceProperty("ApplicationName", "truedy-contacts-loader " + settings.instanceId());
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "30");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            ClusterSchema.migrate(pool);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot prepare the cluster database at " + settings.safeUrl() + ": "
                    + rootMessage(e), null);
        }
        LOG.info("Cluster mode: instance {} shares its inbox through {} (lease {})", settings.instanceId(),
                settings.safeUrl(), settings.lease());
        return new ClusterDatabase(pool, settings.instanceId());
    }

    public javax.sql.DataSource dataSource() {
        return pool;
    }

    public String instanceId() {
        return instanceId;
    }

    /** Runs the work on a pooled connection, in autocommit. */
    public <T> T call(Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            T result = work.on(connection);
            reachable();
            return result;
        } catch (SQLException e) {
            failed(e);
            throw e;
        }
    }

    /** Runs the work in one transaction: all of it is kept, or none. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        return call(connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; the transaction died with it
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** Runs one statement with its parameters, in autocommit; returns the rows it changed. */
    public int update(String sql, Object... parameters) throws SQLException {
        return call(connection -> update(connection, sql, parameters));
    }

    /** The first column of every row a query returns, as text. */
    public List<String> column(String sql, Object... parameters) throws SQLException {
        return call(connection -> column(connection, sql, parameters));
    }

    /** The first column of every row a query (or a statement returning rows) gives on a connection, as text. */
    public static List<String> column(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Runs one statement with its parameters on a connection (in its transaction); returns the rows it changed. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** A statement with its parameters set, in order. */
    public static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** Seconds, as PostgreSQL's {@code make_interval(secs => ?)} takes them. */
    public static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Why the database cannot be used now, or null while it can. */
    public String unreachable() {
        return unreachable;
    }

    /** Asks the database whether it answers; for readiness. */
    public boolean check() {
        try {
            return call(connection -> connection.isValid(2));
        } catch (SQLException e) {
            return false;
        }
    }

    private void reachable() {
        if (unreachable != null) {
            unreachable = null;
            LOG.info("The cluster database answers again");
        }
    }

    private void failed(SQLException e) {
        String state = e.getSQLState();
        boolean connection = state == null || state.startsWith("08") || state.startsWith("57P")
                || e instanceof java.sql.SQLTransientConnectionException;
        if (!connection) {
            return; // an error in one statement, not the database going away
        }
        unreachable = "the cluster database cannot be reached (" + rootMessage(e) + ")";
        if (Instant.now().isAfter(warnedAt.plusSeconds(30))) {
            warnedAt = Instant.now();
            LOG.warn("{}: no new file is claimed, and nothing is settled that cannot be journaled; the loader"
                    + " reconnects by itself", unreachable);
        }
    }

    /** What a journal's store says when the database failed it: what could not be done, and why. */
    static JournalUnavailableException unavailable(String what, SQLException e) {
        return new JournalUnavailableException("cannot " + what + ": " + rootMessage(e), e);
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    protected void doStop() {
        pool.close();
    }
}
