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
 * default {@code postgres}, password {@code -Dloader.test.jdbc-password}). The database is
 * created when missing; each {@link #freshSchema} gives a test its own empty schema, so that tests
 * never see each other's claims and journals. With no database to reach, the tests fail with a
 * message that says what to set; they are never skipped.
 */
public final class TestDatabase {

    public static final String URL = System.getProperty("loader.test.jdbc-url",
            "jdbc:postgresql://127.0.0.1:5432/loader_test");
    public static final String USER = System.getProperty("loader.test.jdbc-user", "postgres");
    public static final String PASSWORD = System.getProperty("loader.test.jdbc-password", "");

    private TestDatabase() {
    }

    /**
     * The settings that put a loader in cluster mode on this database ({@code loader.cluster.*}),
     * with the test database's user and password.
     */
    public static Map<String, String> clusterSettings(String url, String instanceId, String lease) {
        return Map.of("loader.cluster.jdbc-url", url, "loader.cluster.username", USER,
                "loader.cluster.password", PASSWORD, "loader.cluster.instance-id", instanceId,
                "loader.cluster.lease", lease, "loader.console.enabled", "false");
    }

    /** A JDBC URL whose connections use a new, empty schema. */
    public static String freshSchema(String prefix) {
        String schema = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection connection = connect(URL); Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw unreachable(e);
        }
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
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
            return DriverManager.getConnection(url, USER, PASSWORD);
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) { // 3D000: no such database
                throw e;
            }
            createDatabase();
            return DriverManager.getConnection(url, USER, PASSWORD);
        }
    }

    private static void createDatabase() throws SQLException {
        String withoutParameters = URL.contains("?") ? URL.substring(0, URL.indexOf('?')) : URL;
        String name = withoutParameters.substring(withoutParameters.lastIndexOf('/') + 1);
        String server = withoutParameters.substring(0, withoutParameters.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(server, USER, PASSWORD);
             Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // 42P04: created meanwhile by another test
                throw e;
            }
        }
    }

    private static AssertionError unreachable(SQLException e) {
        return new AssertionError("The cluster tests need a PostgreSQL server: none could be used at " + URL
                + " as user " + USER + " (" + e.getMessage() + "). Start one (on the build machines: "
                + "pg_ctlcluster --skip-systemctl-redirect 15 main start) or point -Dloader.test.jdbc-url,"
                + " -Dloader.test.jdbc-user and -Dloader.test.jdbc-password at one.", e);
    }
}
