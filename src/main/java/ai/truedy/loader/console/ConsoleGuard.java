package ai.truedy.loader.console;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's first handler, before its password and before any route: every answer gets {@code
 * Cache-Control: no-store}, {@code nosniff} and the page's content policy; a request whose {@code
 * Host} is not one of the console's own names is refused with 421 (a page of another site that
 * rebinds its name to this address gets nothing); a request that changes something ({@code POST})
 * is refused with 403 when its {@code Origin} (or, lacking it, its {@code Referer}) is another site,
 * or when it lacks the page's token in the {@code X-CSRF-Token} header (never in the address or a
 * form field).
 */
final class ConsoleGuard implements Handler<RoutingContext> {

    /** Scripts, styles and requests from the console itself only. */
    static final String POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self';"
            + " base-uri 'none'";

    private final Set<String> ownHosts;
    private final CsrfToken token;

    /**
     * @param boundHost    the address the console listens on ({@code loader.console.host})
     * @param allowedHosts further names it answers to ({@code loader.console.allowed-hosts}), such as a
     *                     proxy's or the machine's DNS name
     */
    ConsoleGuard(String boundHost, Set<String> allowedHosts, CsrfToken token) {
        this.ownHosts = Stream.concat(Stream.of(boundHost, "localhost", "127.0.0.1", "[::1]"), allowedHosts.stream())
                .map(ConsoleGuard::bare).collect(Collectors.toUnmodifiableSet());
        this.token = token;
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        context.response().putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", POLICY).putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY");
        ConsoleRefusal refusal = refusal(hostOf(request), request.method(), request.getHeader("Origin"),
                request.getHeader("Referer"), request.getHeader(CsrfToken.HEADER));
        if (refusal == null) {
            context.next();
            return;
        }
        context.response().setStatusCode(refusal.getStatus()).putHeader("Content-Type", "application/json")
                .end(refusal.getJson());
    }

    /** The Host header, or HTTP/2's :authority, as {@code name:port}. */
    private static String hostOf(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        String host = authority.host();
        String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return authority.port() >= 0 ? name + ":" + authority.port() : name;
    }

    /** Why a request is refused, with its status (421 for another host, else 403), or null when it may go on. */
    ConsoleRefusal refusal(String host, HttpMethod method, String origin, String referer, String presentedToken) {
        if (host == null || !ownHosts.contains(bare(hostName(host)))) {
            return new ConsoleRefusal(421, "this console answers only to its own host names"
                    + " (loader.console.allowed-hosts adds more)");
        }
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            return null;
        }
        String from = origin != null ? origin : referer;
        if (from != null && !sameSite(from, host)) {
            return new ConsoleRefusal(403, "a request from another site is refused: use the console's own page");
        }
        if (!token.matches(presentedToken)) {
            return new ConsoleRefusal(403, "missing or wrong " + CsrfToken.HEADER + " header: reload the page");
        }
        return null;
    }

    /** Whether an Origin or Referer names the host (and port) this request was sent to. */
    private static boolean sameSite(String from, String host) {
        try {
            URI uri = URI.create(from.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String authority = uri.getRawAuthority();
            return (scheme.equals("http") || scheme.equals("https")) && authority != null
                    && authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    /** The name in a Host header, without its port: {@code [::1]:8080} → {@code [::1]}. */
    private static String hostName(String host) {
        String value = host.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** A name as compared: lower case, without a trailing dot; an IPv6 address in brackets. */
    private static String bare(String name) {
        String value = name.strip().toLowerCase(Locale.ROOT);
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.contains(":") && !value.startsWith("[") ? "[" + value + "]" : value;
    }
}
