package ai.truedy.loader.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.AuthenticationProvider;
import io.vertx.ext.web.handler.AuthenticationHandler;
import io.vertx.ext.web.handler.BasicAuthHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.auth.AuthenticationConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server: Camel's embedded one (platform-http on Vert.x), which the routes of
 * {@code routes/console.camel.yaml} listen on. With a password, Camel's basic authentication guards
 * every path; without one, it listens on loopback only (checked with the settings).
 */
public final class ConsoleServer {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final String REALM = "truedy-contacts-loader";

    private ConsoleServer() {
    }

    /** Adds the server to Camel's services: it starts and stops with the context. */
    public static void addTo(CamelContext context, ConsoleSettings settings) throws Exception {
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setHost(settings.host()); // the address it binds
        server.getConfiguration().setHost(settings.host()); // the address its start-up summary shows
        server.setPort(settings.port());
        server.setPath("/");
        if (settings.passwordSet()) {
            AuthenticationConfig.AuthenticationConfigEntry entry = new AuthenticationConfig.AuthenticationConfigEntry();
            entry.setPath("/*");
            entry.setAuthenticationProviderFactory(vertx -> new OnePassword(settings.username(), settings.password()));
            entry.setAuthenticationHandlerFactory(new AuthenticationConfig.AuthenticationHandlerFactory() {
                @Override
                public <T extends AuthenticationProvider> AuthenticationHandler createAuthenticationHandler(T provider) {
                    return BasicAuthHandler.create(provider, REALM);
                }
            });
            AuthenticationConfig auth = server.getConfiguration().getAuthenticationConfig();
            auth.getEntries().add(entry);
            auth.setEnabled(true);
        }
        context.addService(server, true, true);
        String where = "http://" + settings.host() + ":" + settings.port() + "/";
        if (settings.passwordSet()) {
            LOG.info("Console at {} (user {}, password from loader.console.password)", where, settings.username());
        } else {
            LOG.warn("Console at {} without a password: reachable from this machine only. Set LOADER_CONSOLE_PASSWORD"
                    + " to open it to others (with loader.console.host)", where);
        }
    }

    /** The one user the console knows; the password is compared in constant time and never printed. */
    private static final class OnePassword implements AuthenticationProvider {

        private final byte[] username;
        private final byte[] password;

        OnePassword(String username, String password) {
            this.username = username.getBytes(StandardCharsets.UTF_8);
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void authenticate(JsonObject credentials, Handler<AsyncResult<User>> handler) {
            String user = credentials.getString("username", "");
            boolean nameMatches = MessageDigest.isEqual(username, user.getBytes(StandardCharsets.UTF_8));
            boolean passwordMatches = MessageDigest.isEqual(password,
                    credentials.getString("password", "").getBytes(StandardCharsets.UTF_8));
            handler.handle(nameMatches && passwordMatches ? Future.succeededFuture(User.fromName(user))
                    : Future.failedFuture("wrong user name or password"));
        }

        @Override
        public String toString() {
            return "OnePassword[****]";
        }
    }
}
