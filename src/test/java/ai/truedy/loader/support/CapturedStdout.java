package ai.truedy.loader.support;

/**
 * Captures what a test's loader prints on standard output, such as a preview's summaries.
 * Register with {@code @RegisterExtension final CapturedStdout stdout = new CapturedStdout();}.
 */
public final class CapturedStdout extends CapturedStderr {

    public CapturedStdout() {
        super(() -> System.out, System::setOut);
    }
}
