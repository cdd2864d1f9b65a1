package ai.truedy.loader.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The cluster's tables ({@code loader_*}), created and migrated with Flyway by whichever instance
 * starts first. Instances started together take turns through a PostgreSQL advisory lock held for
 * the whole migration: Flyway's own lock covers applying migrations, not its first look at the
 * schema, so two instances on an empty schema could both decide to create (or baseline) the
 * history table, and one of them would fail to start.
 */
final class ClusterSchema {

    /** One lock per schema: instances of other clusters in the same database do not wait for these. */
    private static final String LOCK = "hashtext('truedy-contacts-loader schema ' || current_schema())";

    private ClusterSchema() {
    }

    /** Brings the schema to the newest version, waiting while another instance does the same. */
    static void migrate(DataSource database) throws SQLException {
        try (Connection turn = database.getConnection(); Statement lock = turn.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                Flyway.configure().dataSource(database).locations("classpath:db/loader").table("loader_schema_history")
                        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
            } finally {
                // a session lock outlives the pooled connection's return to the pool: release it here
                lock.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        }
    }
}
