import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The floor for the loader's benchmark: the same work with the JDK, libphonenumber and Jackson
 * alone, no Camel and no bookkeeping. It streams the file, normalizes each phone to E.164 the same
 * way (possible, not local-only), drops duplicates, builds the same JSON and posts batches with the
 * same number of requests in flight.
 *
 * usage: java Floor FILE BASE_URL BATCH_CALL_ID BATCH_SIZE CONCURRENCY REGION
 */
public final class Floor {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        URI uri = URI.create(args[1] + "/batch-calls/" + args[2] + "/contacts");
        int batchSize = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        String region = args[5];
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong accepted = new AtomicLong();
        long rejected = 0;
        Set<String> seen = new HashSet<>();
        List<Map<String, String>> batch = new ArrayList<>(batchSize);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",", -1);
                String e164 = normalize(phones, cells[2], region);
                if (e164 == null || !seen.add(e164)) {
                    rejected++;
                    continue;
                }
                Map<String, String> contact = new LinkedHashMap<>();
                contact.put("phone_number", e164);
                contact.put("first_name", cells[0]);
                contact.put("last_name", cells[1]);
                contact.put("email", cells[3]);
                batch.add(contact);
                if (batch.size() == batchSize) {
                    send(http, json, uri, batch, senders, inFlight, accepted);
                    batch = new ArrayList<>(batchSize);
                }
            }
        }
        if (!batch.isEmpty()) {
            send(http, json, uri, batch, senders, inFlight, accepted);
        }
        inFlight.acquire(concurrency);
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("floor: " + accepted.get() + " accepted, " + rejected + " rejected");
    }

    private static String normalize(PhoneNumberUtil phones, String raw, String region) {
        try {
            PhoneNumber number = phones.parse(raw, region);
            if (phones.isPossibleNumberWithReason(number) != ValidationResult.IS_POSSIBLE) {
                return null;
            }
            return phones.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static void send(HttpClient http, ObjectMapper json, URI uri, List<Map<String, String>> batch,
                             ExecutorService senders, Semaphore inFlight, AtomicLong accepted) throws Exception {
        byte[] body = json.writeValueAsBytes(Map.of("contacts", batch));
        int size = batch.size();
        inFlight.acquire();
        senders.submit(() -> {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer bench").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    accepted.addAndGet(size);
                }
            } catch (Exception e) {
                System.err.println("floor: " + e);
            } finally {
                inFlight.release();
            }
        });
    }
}
