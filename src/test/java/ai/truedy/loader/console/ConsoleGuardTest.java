package ai.truedy.loader.console;

import java.util.Set;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests the console's guard lets through, as a table. */
class ConsoleGuardTest {

    static final CsrfToken TOKEN = new CsrfToken();
    static final ConsoleGuard GUARD = new ConsoleGuard("127.0.0.1", Set.of("loader.example.com"), TOKEN);

    @ParameterizedTest(name = "{0} {1} Origin={2} Referer={3} token={4}: {5}")
    @CsvSource(nullValues = "-", textBlock = """
            # method, Host,                          Origin,                          Referer,                             token?, refused with (421 for the host, else 403)
            GET,  127.0.0.1:8080,                    -,                               -,                                   false, -
            GET,  localhost:8080,                    -,                               -,                                   false, -
            GET,  LOCALHOST.:8080,                   -,                               -,                                   false, -
            GET,  '[::1]:8080',                      -,                               -,                                   false, -
            GET,  loader.example.com,                -,                               -,                                   false, -
            GET,  rebind.attacker.example:8080,      -,                               -,                                   false, 'this console answers only'
            GET,  127.0.0.1.attacker.example:8080,   -,                               -,                                   false, 'this console answers only'
            GET,  -,                                 -,                               -,                                   false, 'this console answers only'
            POST, rebind.attacker.example:8080,      http://rebind.attacker.example,  -,                                   true,  'this console answers only'
            POST, 127.0.0.1:8080,                    http://127.0.0.1:8080,           -,                                   true,  -
            POST, 127.0.0.1:8080,                    -,                               http://127.0.0.1:8080/,              true,  -
            POST, 127.0.0.1:8080,                    -,                               -,                                   true,  -
            POST, 127.0.0.1:8080,                    http://evil.example,             -,                                   true,  'a request from another site'
            POST, 127.0.0.1:8080,                    http://127.0.0.1:9999,           -,                                   true,  'a request from another site'
            POST, 127.0.0.1:8080,                    null,                            -,                                   true,  'a request from another site'
            POST, 127.0.0.1:8080,                    -,                               http://evil.example/page,            true,  'a request from another site'
            POST, 127.0.0.1:8080,                    http://127.0.0.1:8080,           -,                                   false, 'missing or wrong X-CSRF-Token'
            """)
    void lets_through_only_its_own_host_and_its_own_pages_posts(String method, String host, String origin, String referer,
                                                                  boolean withToken, String refusedWith) {
        ConsoleRefusal refusal = GUARD.refusal(host, HttpMethod.valueOf(method), origin, referer,
                withToken ? TOKEN.value() : "not-the-token");
        if (refusedWith == null) {
            assertThat(refusal).isNull();
        } else {
            assertThat(refusal.getMessage()).startsWith(refusedWith);
            assertThat(refusal.getStatus()).isEqualTo(refusedWith.startsWith("this console") ? 421 : 403);
        }
    }
}
