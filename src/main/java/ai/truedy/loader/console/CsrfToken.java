package ai.truedy.loader.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The token every console {@code POST} must carry in {@code X-CSRF-Token}: the page reads it from
 * {@code /api/status}, which another site's page cannot read, so it cannot make a person's browser
 * approve, discard or re-drive for it. A new one each start; {@link ConsoleGuard} checks it, in
 * the header only.
 */
public final class CsrfToken {

    public static final String HEADER = "X-CSRF-Token";

    private final String value;

    public CsrfToken() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.value = HexFormat.of().formatHex(random);
    }

    String value() {
        return value;
    }

    /** Whether a request presented this token (compared in constant time); false for none. */
    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "CsrfToken[****]";
    }
}
