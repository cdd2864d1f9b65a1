package ai.truedy.loader.support;

import java.io.IOException;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test of the loader against a WireMock stand-in for Truedy: each test gets fresh folders under
 * a temporary directory and a server with no stubs and an empty request log. Afterwards, every
 * report and error file it produced is validated against the published JSON Schemas.
 */
public abstract class LoaderTest {

    @RegisterExtension
    protected static final WireMockExtension api = TruedyApi.server();

    @TempDir
    protected Path root;

    protected LoaderFixture loader;

    @BeforeEach
    void createLoader() {
        loader = new LoaderFixture(root, TruedyApi.baseUrl(api));
    }

    /** Every report and error file a test made holds to the published schemas. */
    @AfterEach
    void reportsMatchTheirSchemas() throws IOException {
        ReportSchemas.validateAll(root);
    }
}
