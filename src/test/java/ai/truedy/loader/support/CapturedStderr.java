package ai.truedy.loader.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures what a test's loader writes to standard error, where its log and its one-line errors go.
 * Register with {@code @RegisterExtension final CapturedStderr stderr = new CapturedStderr();}.
 */
public final class CapturedStderr implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @Override
    public void beforeEach(ExtensionContext context) {
        original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(original);
    }

    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
