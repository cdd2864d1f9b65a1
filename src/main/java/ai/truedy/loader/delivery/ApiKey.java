package ai.truedy.loader.delivery;

/**
 * The Truedy API key. It is never printed: {@link #toString()} masks it, so a key that slips into
 * a log statement, report or exception message shows up as {@code ****}.
 */
public final class ApiKey {
    private final String value;

    public ApiKey(String value) {
        this.value = value == null ? "" : value.trim();
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** The header value; the only place the key leaves this class. */
    String bearer() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "(none)" : "****";
    }
}
