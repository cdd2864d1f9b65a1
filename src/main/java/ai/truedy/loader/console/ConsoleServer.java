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
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
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
    /** Before the password's handler and the routes on the console's router. */
    private static final int FIRST = -1_000;

    private ConsoleServer() {
    }

    /**
     * Adds the server to Camel's services: it starts and stops with the context. The platform-http
     * routes are told its port, so that they find it beside Camel's management server (without,
     * they look for a server on 8080); its guard runs before the password and the routes.
     */
    public static void addTo(CamelContext context, ConsoleSettings settings, CsrfToken token) throws Exception {
        Server server = new Server(settings, new ConsoleGuard(settings.host(), settings.allowedHosts(), token));
        context.getRegistry().bind(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME, PlatformHttpEngine.class,
                new OnePort(server));
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
    }

    /** Camel's embedded server with the console's guard in front, saying where it listens once it does. */
    private static final class Server extends MainHttpServer {

        private final ConsoleSettings settings;
        private final ConsoleGuard guard;
        private volatile int boundPort;

        Server(ConsoleSettings settings, ConsoleGuard guard) {
            this.settings = settings;
            this.guard = guard;
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            getRouter().route().order(FIRST).handler(guard);
            int port = getRouter().getServer().getPort(); // the one bound: port 0 picks one
            // Camel names a router by the port asked for, so two servers on port 0 (the console and
            // the management server) would share one name: the console's routes look for it by the
            // port it bound
            getCamelContext().getRegistry().bind(VertxPlatformHttpRouter.getRouterNameFromPort(port), getRouter());
            boundPort = port;
            String where = "http://" + (settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host())
                    + ":" + port + "/";
            if (settings.passwordSet()) {
                LOG.info("Console at {} (user {}, password from loader.console.password)", where, settings.username());
            } else {
                LOG.warn("Console at {} without a password: reachable from this machine only. Set LOADER_CONSOLE_PASSWORD"
                        + " to open it to others (with loader.console.host)", where);
            }
        }
    }

    /**
     * The platform-http engine of the console's routes, bound to the console's port: Camel's own
     * picks the only embedded server there is, or 8080 when there are several (the console and the
     * management server), which is why the console once worked on 8080 only.
     */
    private static final class OnePort extends VertxPlatformHttpEngine {

        private final Server server;

        OnePort(Server server) {
            this.server = server;
        }

        @Override
        public int getServerPort() {
            return server.boundPort != 0 ? server.boundPort : server.getPort();
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
