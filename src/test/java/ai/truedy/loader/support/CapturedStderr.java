package ai.truedy.loader.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures what a test's loader writes to standard error, where its log and its one-line errors go.
 * Register with {@code @RegisterExtension final CapturedStderr stderr = new CapturedStderr();}.
 */
public class CapturedStderr implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final Supplier<PrintStream> current;
    private final Consumer<PrintStream> replace;
    private PrintStream original;

    public CapturedStderr() {
        this(() -> System.err, System::setErr);
    }

    CapturedStderr(Supplier<PrintStream> current, Consumer<PrintStream> replace) {
        this.current = current;
        this.replace = replace;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        original = current.get();
        replace.accept(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        replace.accept(original);
    }

    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
