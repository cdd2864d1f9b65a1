package ai.truedy.loader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Service;

/**
 * A stand-in for Truedy's "Add Contacts to Batch Call" endpoint on loopback, used when no API key is
 * configured so that a new user sees the whole flow without an account. It answers like the
 * documented API (see {@link SandboxBatchCalls}) and keeps what it took under its folder, one
 * {@code <batch_call_id>.jsonl} file per batch call.
 */
public final class TruedySandbox implements Service {

    static final String BASE_PATH = "/api/public/v1";
    private static final Pattern CONTACTS_PATH = Pattern.compile(BASE_PATH + "/batch-calls/([^/]+)/contacts/?");

    static {
        // without it every answer waits ~40 ms on delayed ACKs
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final SandboxBatchCalls batchCalls;
    private final String apiKey = "sandbox-" + UUID.randomUUID();

    private TruedySandbox(HttpServer server, ExecutorService workers, SandboxBatchCalls batchCalls) {
        this.server = server;
        this.workers = workers;
        this.batchCalls = batchCalls;
    }

    /** Starts the sandbox on loopback; port 0 picks a free port. */
    public static TruedySandbox start(int port, Path folder) throws IOException {
        Files.createDirectories(folder);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "truedy-sandbox");
            thread.setDaemon(true);
            return thread;
        });
        TruedySandbox sandbox = new TruedySandbox(server, workers, new SandboxBatchCalls(new ObjectMapper(), folder));
        server.createContext("/", sandbox::handle);
        server.setExecutor(workers);
        server.start();
        return sandbox;
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + BASE_PATH;
    }

    /** The key the loader uses with the sandbox; any bearer token is taken, none is refused. */
    public String apiKey() {
        return apiKey;
    }

    @Override
    public void start() {
        // started by start(int, Path); registered with Camel so that it stops with it
    }

    @Override
    public void stop() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            SandboxBatchCalls.Answer answer = answer(exchange);
            byte[] body = answer.body();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private SandboxBatchCalls.Answer answer(HttpExchange exchange) throws IOException {
        byte[] request;
        try (InputStream in = exchange.getRequestBody()) {
            request = in.readAllBytes();
        }
        Matcher path = CONTACTS_PATH.matcher(exchange.getRequestURI().getRawPath());
        if (!path.matches()) {
            return batchCalls.error(404, "not_found", "The requested resource does not exist");
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            return batchCalls.error(405, "method_not_allowed", "Use POST");
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
            return batchCalls.error(401, "unauthorized", "Missing or invalid API key");
        }
        String batchCallId = java.net.URLDecoder.decode(path.group(1), java.nio.charset.StandardCharsets.UTF_8);
        return batchCalls.addContacts(batchCallId, request);
    }
}
