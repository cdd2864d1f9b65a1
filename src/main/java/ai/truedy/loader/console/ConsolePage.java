package ai.truedy.loader.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.apache.camel.Header;
import org.apache.camel.Message;

/**
 * The page itself and its script and style, from the jar's {@code console/}: nothing from the internet.
 * Their security headers, as every answer's, come from {@link ConsoleGuard}.
 */
public final class ConsolePage {

    private static final Map<String, String> ASSETS = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    public byte[] page(Message answer) throws IOException {
        return asset("index.html", answer);
    }

    public byte[] asset(@Header("name") String name, Message answer) throws IOException {
        String type = ASSETS.get(name);
        if (type == null) {
            throw new ConsoleRefusal(404, "no such page");
        }
        try (InputStream in = ConsolePage.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new ConsoleRefusal(404, "no such page");
            }
            answer.setHeader("Content-Type", type);
            return in.readAllBytes();
        }
    }
}
