package ai.truedy.loader.config;

/** A setting or folder that keeps the loader from running; its message is the one line ops see. */
public class LoaderConfigException extends RuntimeException {
    public LoaderConfigException(String message) {
        super(message);
    }
}
