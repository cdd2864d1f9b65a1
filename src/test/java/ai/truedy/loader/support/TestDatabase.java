package ai.truedy.loader.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for the cluster tests: {@code -Dloader.test.jdbc-url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/loader_test}, user {@code -Dloader.test.jdbc-user},
 * default {@code postgres}, password {@code -Dloader.test.jdbc-password}), or, when nothing answers
 * there, an embedded one ({@link TestPostgres}). The database is created when missing; each
 * {@link #freshSchema} gives a test its own empty schema, so that tests never see each other's
 * claims and journals. The tests are never skipped.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The server, reached (or started) once per test JVM. */
    private static final class Server {
        static final TestPostgres IN_USE = TestPostgres.reach(
                System.getProperty("loader.test.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/loader_test"),
                System.getProperty("loader.test.jdbc-user", "postgres"),
                System.getProperty("loader.test.jdbc-password", ""));

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(IN_USE::close, "test-postgres-stop"));
        }
    }

    /** The JDBC URL of the tests' database. */
    public static String url() {
        return Server.IN_USE.url();
    }

    /** True when no PostgreSQL answered at the configured address and an embedded one is used. */
    public static boolean embedded() {
        return Server.IN_USE.embedded();
    }

    public static String user() {
        return Server.IN_USE.user();
    }

    public static String password() {
        return Server.IN_USE.password();
    }

    /**
     * The settings that put a loader in cluster mode on this database ({@code loader.cluster.*}),
     * with the test database's user and password.
     */
    public static Map<String, String> clusterSettings(String url, String instanceId, String lease) {
        return Map.of("loader.cluster.jdbc-url", url, "loader.cluster.username", user(),
                "loader.cluster.password", password(), "loader.cluster.instance-id", instanceId,
                "loader.cluster.lease", lease, "loader.console.enabled", "false");
    }

    /** A JDBC URL whose connections use a new, empty schema. */
    public static String freshSchema(String prefix) {
        String schema = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection connection = connect(url()); Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new AssertionError("cannot make a schema at " + url() + ": " + e.getMessage(), e);
        }
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Runs a query and returns the first column of the first row (as text), for assertions. */
    public static String queryOne(String url, String sql) {
        try (Connection connection = connect(url); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The batches settled so far for a file (its path in the inbox), as its journal in a loader's
     * schema says; 0 before the loader has made the schema or started the file.
     */
    public static int settledBatches(String url, String path) {
        if (queryOne(url, "SELECT to_regclass('loader_journals')") == null) {
            return 0;
        }
        String settled = queryOne(url, "SELECT max(settled_batches) FROM loader_journals WHERE path = '" + path + "'");
        return settled == null ? 0 : Integer.parseInt(settled);
    }

    /** Runs a statement, for arranging a test (a lapsed heartbeat). */
    public static void execute(String url, String sql) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        try {
            return DriverManager.getConnection(url, user(), password());
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) { // 3D000: no such database
                throw e;
            }
            createDatabase();
            return DriverManager.getConnection(url, user(), password());
        }
    }

    private static void createDatabase() throws SQLException {
        String withoutParameters = url().contains("?") ? url().substring(0, url().indexOf('?')) : url();
        String name = withoutParameters.substring(withoutParameters.lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(TestPostgres.server(url()), user(), password());
             Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // 42P04: created meanwhile by another test
                throw e;
            }
        }
    }
}
