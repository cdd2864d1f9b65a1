package ai.truedy.loader.console;

/** A console request that cannot be served: the route answers with its HTTP status and message. */
public final class ConsoleRefusal extends RuntimeException {

    private final int status;

    /** A request the console does not understand: 400. */
    public ConsoleRefusal(String message) {
        this(400, message);
    }

    public ConsoleRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }

    /** The answer's body: {@code {"error": "..."}}. */
    public String getJson() {
        return "{\"error\": \"" + getMessage().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
