import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fast stand-in for Truedy's "Add Contacts to Batch Call" endpoint on loopback, for benchmarks.
 * It answers 200 in the schema's shape, counting requests and contacts; with a budget it answers
 * 429 (with error.details.reset_at, no Retry-After, like Truedy) to any request beyond the budget
 * in the last 60 seconds. GET /stats gives the counts, and the most requests answered 200 in any
 * 60 seconds; POST /reset zeroes them. With a log file, each request answered is a line of it:
 * epoch milliseconds, batch call id, contacts, HTTP status.
 *
 * usage: java StandIn PORT_FILE [REQUESTS_PER_MINUTE [LOG_FILE]]
 */
public final class StandIn {

    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong CONTACTS = new AtomicLong();
    private static final AtomicLong RATE_LIMITED = new AtomicLong();
    private static final Deque<Long> RECENT = new ArrayDeque<>();
    private static final Deque<Long> WINDOW = new ArrayDeque<>();
    private static int busiestMinute;
    private static int budget;
    private static java.io.PrintWriter log;

    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        budget = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        if (args.length > 2) {
            log = new java.io.PrintWriter(Files.newBufferedWriter(Path.of(args[2])), true);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", StandIn::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        Files.writeString(Path.of(args[0]), String.valueOf(server.getAddress().getPort()));
    }

    private static void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/stats")) {
            synchronized (WINDOW) {
                reply(exchange, 200, "{\"requests\":%d,\"contacts\":%d,\"rate_limited\":%d,\"busiest_minute\":%d}"
                        .formatted(REQUESTS.get(), CONTACTS.get(), RATE_LIMITED.get(), busiestMinute));
            }
            return;
        }
        if (path.equals("/reset")) {
            REQUESTS.set(0);
            CONTACTS.set(0);
            RATE_LIMITED.set(0);
            synchronized (RECENT) {
                RECENT.clear();
            }
            synchronized (WINDOW) {
                WINDOW.clear();
                busiestMinute = 0;
            }
            reply(exchange, 200, "{}");
            return;
        }
        Long resetAt = overBudget();
        int contacts = count(new String(body, StandardCharsets.UTF_8), "\"phone_number\"");
        logRequest(path, contacts, resetAt == null ? 200 : 429);
        if (resetAt != null) {
            RATE_LIMITED.incrementAndGet();
            reply(exchange, 429, "{\"error\":{\"code\":\"rate_limited\",\"message\":\"Too many requests\","
                    + "\"details\":{\"reset_at\":\"" + Instant.ofEpochMilli(resetAt) + "\"}}}");
            return;
        }
        REQUESTS.incrementAndGet();
        CONTACTS.addAndGet(contacts);
        countInBusiestMinute();
        reply(exchange, 200, "{\"data\":{\"added_count\":" + contacts + ",\"failed_count\":0},"
                + "\"meta\":{\"request_id\":\"req_bench\",\"ts\":\"" + Instant.now() + "\"}}");
    }

    /** A line per request in the log, if there is one: when, batch call (from /batch-calls/{id}/contacts), contacts, status. */
    private static void logRequest(String path, int contacts, int status) {
        if (log != null) {
            String[] parts = path.split("/");
            String batchCall = parts.length >= 2 ? parts[parts.length - 2] : "?";
            synchronized (StandIn.class) {
                log.println(System.currentTimeMillis() + " " + batchCall + " " + contacts + " " + status);
            }
        }
    }

    /** Null when the request is within the budget (and counted), else when the oldest counted one leaves the window. */
    private static Long overBudget() {
        if (budget <= 0) {
            return null;
        }
        long now = System.currentTimeMillis();
        synchronized (RECENT) {
            while (!RECENT.isEmpty() && RECENT.peekFirst() <= now - 60_000) {
                RECENT.removeFirst();
            }
            if (RECENT.size() >= budget) {
                return RECENT.peekFirst() + 60_000;
            }
            RECENT.addLast(now);
            return null;
        }
    }

    /** The most requests answered 200 in any 60 seconds so far. */
    private static void countInBusiestMinute() {
        long now = System.currentTimeMillis();
        synchronized (WINDOW) {
            WINDOW.addLast(now);
            while (WINDOW.peekFirst() <= now - 60_000) {
                WINDOW.removeFirst();
            }
            busiestMinute = Math.max(busiestMinute, WINDOW.size());
        }
    }

    private static int count(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            count++;
        }
        return count;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
