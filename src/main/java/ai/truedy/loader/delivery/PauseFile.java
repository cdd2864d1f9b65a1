package ai.truedy.loader.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import ai.truedy.loader.model.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A pause kept by one instance: {@code sending-paused.json} in {@code loader.state}, there while paused. */
public final class PauseFile implements OperatorPause.Store {

    public static final String NAME = "sending-paused.json";

    private final Path file;
    private final ObjectMapper json;

    public PauseFile(Path stateFolder, ObjectMapper json) {
        this.file = stateFolder.resolve(NAME);
        this.json = json;
    }

    @Override
    public Optional<OperatorPause.Paused> read() throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        JsonNode paused = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
        return Optional.of(new OperatorPause.Paused(paused.path("paused_by").asText("someone"),
                Instant.parse(paused.path("paused_at").asText(Instant.EPOCH.toString()))));
    }

    @Override
    public void write(OperatorPause.Paused paused) throws IOException {
        if (paused == null) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, json.writeValueAsBytes(Map.of("paused_by", paused.by(), "paused_at", paused.at().toString())));
    }
}
