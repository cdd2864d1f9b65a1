package ai.truedy.loader.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks report and error files against the JSON Schemas the jar publishes
 * ({@code schemas/report.schema.json}, {@code schemas/error.schema.json}), with a kept validator.
 */
public final class ReportSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema REPORT = load("schemas/report.schema.json");
    private static final JsonSchema ERROR = load("schemas/error.schema.json");

    private ReportSchemas() {
    }

    /** Validates one file, by its name: {@code *.report.json} or {@code *.error.json}. */
    public static JsonNode validated(Path file) throws IOException {
        JsonNode json = JSON.readTree(file.toFile());
        JsonSchema schema = file.getFileName().toString().endsWith(".error.json") ? ERROR : REPORT;
        Set<ValidationMessage> problems = schema.validate(json);
        assertThat(problems).as("%s against its schema:%n%s", file, json.toPrettyString()).isEmpty();
        return json;
    }

    /** Validates every report and error file under a folder; returns how many there were. */
    public static int validateAll(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                return !name.startsWith(".") && (name.endsWith(".report.json") || name.endsWith(".error.json"));
            }).toList();
        }
        for (Path file : files) {
            validated(file);
        }
        return files.size();
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = ReportSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s in the jar's resources", resource).isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
