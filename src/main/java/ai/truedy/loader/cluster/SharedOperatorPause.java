package ai.truedy.loader.cluster;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import ai.truedy.loader.delivery.OperatorPause;

/**
 * A person's pause of all sending, for every instance: {@code loader_operator_pause} holds one row
 * while sending is paused. While the database is away, each instance keeps the pause it read last.
 */
public final class SharedOperatorPause implements OperatorPause.Store {

    private final ClusterDatabase db;

    public SharedOperatorPause(ClusterDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<OperatorPause.Paused> read() throws IOException {
        try {
            return db.call(connection -> {
                try (PreparedStatement read = connection.prepareStatement(
                        "SELECT paused_by, paused_at FROM loader_operator_pause");
                     ResultSet rows = read.executeQuery()) {
                    return rows.next() ? Optional.of(new OperatorPause.Paused(rows.getString(1),
                            rows.getTimestamp(2).toInstant())) : Optional.empty();
                }
            });
        } catch (SQLException e) {
            throw new IOException("the cluster's database cannot be read: " + ClusterDatabase.rootMessage(e), e);
        }
    }

    @Override
    public void write(OperatorPause.Paused paused) throws IOException {
        try {
            if (paused == null) {
                db.update("DELETE FROM loader_operator_pause");
            } else {
                db.update("""
                        INSERT INTO loader_operator_pause (paused_by, paused_at) VALUES (?, ?)
                        ON CONFLICT (only_one) DO UPDATE SET paused_by = EXCLUDED.paused_by, paused_at = EXCLUDED.paused_at""",
                        paused.by(), Timestamp.from(paused.at()));
            }
        } catch (SQLException e) {
            throw new IOException("the cluster's database cannot be written, so the other instances would not know: "
                    + ClusterDatabase.rootMessage(e), e);
        }
    }
}
