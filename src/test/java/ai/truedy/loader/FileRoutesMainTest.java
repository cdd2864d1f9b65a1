package ai.truedy.loader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import ai.truedy.loader.support.LoaderFixture;
import ai.truedy.loader.wiring.LoaderConfiguration;
import ai.truedy.loader.support.TruedyApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static ai.truedy.loader.support.LoaderFixture.filesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes of routes/ on Camel Main as an embedding application runs them (camel-test-main-junit5,
 * as camel-examples' main-yaml tests its routes): application.properties, the beans of
 * {@link LoaderConfiguration} as a configuration class, and the YAML routes, with the inbox's file served
 * by WireMock in place of Truedy. The loader's own runner ({@link LoaderMain}) is not involved.
 */
class FileRoutesMainTest extends CamelMainTestSupport {

    @RegisterExtension
    static final WireMockExtension api = TruedyApi.server();

    @TempDir
    static Path root; // static: the settings below are read when the test is constructed

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/*.camel.yaml");
        configuration.addConfiguration(LoaderConfiguration.class);
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:application.properties";
    }

    @Override
    public void configureContext(CamelContextConfiguration context) {
        super.configureContext(context);
        context.withUseOverridePropertiesWithPropertiesComponent(settings());
    }

    private static Properties settings() {
        Properties settings = new Properties();
        for (String folder : List.of("inbox", "done", "error", "retry", "state")) {
            settings.put("loader." + folder, root.resolve(folder).toString());
        }
        settings.put("loader.poll-delay", "100ms");
        settings.put("loader.settle-time", "0");
        settings.put("camel.management.port", "0"); // on, as the packaged defaults have it, on a port of its own
        settings.put("truedy.base-url", TruedyApi.baseUrl(api));
        settings.put("truedy.api-key", LoaderFixture.API_KEY);
        settings.put("truedy.rate-limit.requests-per-minute", "0");
        return settings;
    }

    @Test
    void a_file_dropped_in_a_batch_calls_folder_is_sent_and_filed_in_done_with_its_report() throws Exception {
        api.stubFor(TruedyApi.addContacts().willReturn(TruedyApi.addedCount(2, 0)));
        NotifyBuilder filed = new NotifyBuilder(context).fromRoute("load-contacts-file")
                .filter(exchange -> exchange.getProperty(Exchange.SPLIT_INDEX) == null) // the file's, not a batch's
                .whenCompleted(1).create();

        Path folder = Files.createDirectories(root.resolve("inbox/bc_main"));
        Files.writeString(folder.resolve("list.csv"), "phone,first_name\n+12127361001,Ada\n(212) 736-1002,Grace\n",
                StandardCharsets.UTF_8);

        assertThat(filed.matches(30, TimeUnit.SECONDS)).as("the file route finished the file").isTrue();
        assertThat(filesIn(root.resolve("done"))).containsExactly("list.csv", "list.report.json");
        assertThat(filesIn(root.resolve("inbox"))).isEmpty();
        assertThat(filesIn(root.resolve("error"))).isEmpty();
        JsonNode report = new ObjectMapper().readTree(root.resolve("done/list.report.json").toFile());
        assertThat(report.path("rows").asInt()).isEqualTo(2);
        assertThat(report.path("accepted").asInt()).isEqualTo(2);
        assertThat(TruedyApi.requests(api)).singleElement()
                .satisfies(request -> assertThat(request.getUrl()).isEqualTo("/api/public/v1/batch-calls/bc_main/contacts"));
        assertThat(TruedyApi.sentBatches(api)).singleElement().satisfies(batch -> assertThat(batch)
                .extracting(contact -> contact.path("phone_number").asText()).containsExactly("+12127361001", "+12127361002"));
    }
}
