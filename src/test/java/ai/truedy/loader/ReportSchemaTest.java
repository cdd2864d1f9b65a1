package ai.truedy.loader;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.truedy.loader.model.RejectReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The published report schema names every reason code a report may count, and no other. */
class ReportSchemaTest {

    @Test
    void the_schema_lists_exactly_the_reason_codes_of_the_loader() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/report.schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> listed = new ArrayList<>();
        schema.path("properties").path("reasons").path("propertyNames").path("enum").forEach(code -> listed.add(code.asText()));

        assertThat(listed).containsExactlyElementsOf(Arrays.stream(RejectReason.values()).map(RejectReason::code).toList());
    }
}
