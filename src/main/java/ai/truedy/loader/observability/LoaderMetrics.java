package ai.truedy.loader.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import ai.truedy.loader.delivery.SendListener;
import ai.truedy.loader.delivery.BatchCount;
import ai.truedy.loader.model.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;

/**
 * The loader's own series at {@code /observe/metrics}, beside Camel's: rows by outcome and reason,
 * contacts accepted, batches by HTTP status, API latency, batches waiting for their turn per batch
 * call, rows waiting in retry/ and files waiting in the inbox. The meter registry is Camel's (camel-micrometer-prometheus), found when first used.
 */
public final class LoaderMetrics implements SendListener {

    private final CamelContext context;
    private final Path inbox;
    private final Path retry;
    private final Tags instance;
    private volatile MeterRegistry registry;
    /** Batch calls whose waiting batches are remembered at most, beyond those shown. */
    private static final int KEPT_BATCH_CALLS = 10_000;
    private MultiGauge batchesWaiting;
    private final Map<String, AtomicInteger> waiting = new HashMap<>();
    private Set<String> shown = Set.of();

    /**
     * @param inbox      the inbox and retry folders to count, or null where there are none (the Kamelet sink)
     * @param instanceId in cluster mode, this instance's {@code loader.cluster.instance-id}: the loader's
     *                   series carry it as the label {@code instance}; null for one instance
     */
    public LoaderMetrics(CamelContext context, Path inbox, Path retry, String instanceId) {
        this.context = context;
        this.instance = instanceId == null ? Tags.empty() : Tags.of("instance", instanceId);
        this.inbox = inbox;
        this.retry = retry;
    }

    /**
     * Once Camel has started: every series without labels, each outcome of the rows (each reason
     * of the rejected ones) and the requests answered 200, exported at 0, so that alerts have a
     * series to watch before the first file arrives.
     */
    public void startAtZero() {
        MeterRegistry meters = registry();
        if (meters == null) {
            return;
        }
        rowCounter(meters, "accepted", null);
        rowCounter(meters, "retry", null);
        for (RejectReason reason : RejectReason.values()) {
            rowCounter(meters, "rejected", reason.code());
        }
        contactsAccepted(meters);
        latency(meters);
        batches(meters, "200"); // the status an alert on the accepted batches' rate watches
    }

    /** A row's final outcome: accepted, rejected (with its reason) or retry. */
    public void rows(String outcome, String reason, long count) {
        MeterRegistry meters = registry();
        if (meters != null && count > 0) {
            rowCounter(meters, outcome, reason).increment(count);
        }
    }

    private Counter rowCounter(MeterRegistry meters, String outcome, String reason) {
        return Counter.builder("loader_rows").description("Rows by outcome and reason")
                .tag("outcome", outcome).tag("reason", reason == null ? "" : reason).tags(instance).register(meters);
    }

    private Counter contactsAccepted(MeterRegistry meters) {
        return Counter.builder("loader_contacts_accepted").description("Contacts Truedy accepted").tags(instance)
                .register(meters);
    }

    private Counter batches(MeterRegistry meters, String status) {
        return Counter.builder("loader_batches").description("Requests to Truedy by HTTP status")
                .tag("status", status).tags(instance).register(meters);
    }

    private Timer latency(MeterRegistry meters) {
        return Timer.builder("loader_api_latency").description("Time Truedy took to answer").publishPercentileHistogram()
                .tags(instance).register(meters);
    }

    /**
     * The batches read and waiting for a sender, per batch call being served ({@code
     * loader_batches_waiting{batch_call_id}}); a batch call with none waiting or being sent has no series.
     */
    public synchronized void batchesWaiting(Map<String, BatchCount> counts) {
        if (batchesWaiting == null) {
            MeterRegistry meters = registry();
            if (meters == null) {
                return;
            }
            batchesWaiting = MultiGauge.builder("loader_batches_waiting").tags(instance)
                    .description("Batches read and waiting for their turn to be sent, by batch call").register(meters);
        }
        if (waiting.size() > KEPT_BATCH_CALLS) {
            waiting.keySet().retainAll(shown);
        }
        counts.forEach((id, count) -> waiting.computeIfAbsent(id, key -> new AtomicInteger()).set(count.waiting()));
        if (!counts.keySet().equals(shown)) {
            shown = Set.copyOf(counts.keySet()); // each series keeps its value holder, so a kept series stays live
            batchesWaiting.register(shown.stream().map(id -> MultiGauge.Row.of(Tags.of("batch_call_id", id),
                    waiting.get(id), AtomicInteger::get)).toList(), false);
        }
    }

    /** One answer (or none: status "none") of the API, and how long the request took. */
    @Override
    public void answered(Integer httpStatus, int contactsAccepted, Duration latency) {
        MeterRegistry meters = registry();
        if (meters == null) {
            return;
        }
        batches(meters, httpStatus == null ? "none" : String.valueOf(httpStatus)).increment();
        latency(meters).record(latency);
        if (contactsAccepted > 0) {
            contactsAccepted(meters).increment(contactsAccepted);
        }
    }

    private MeterRegistry registry() {
        MeterRegistry meters = registry;
        if (meters == null) {
            meters = context.getRegistry().findSingleByType(MeterRegistry.class);
            if (meters != null && inbox != null) {
                Gauge.builder("loader_inbox_files", this, metrics -> metrics.count(metrics.inbox, false))
                        .description("CSV files waiting in the inbox").tags(instance).register(meters);
                Gauge.builder("loader_retry_rows", this, metrics -> metrics.count(metrics.retry, true))
                        .description("Rows waiting in retry/").tags(instance).register(meters);
            }
            registry = meters;
        }
        return meters;
    }

    /** CSV files in a folder (and one level below), or the data rows in them. */
    private double count(Path folder, boolean rows) {
        try (Stream<Path> files = Files.walk(folder, 2)) {
            return files.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .mapToLong(file -> rows ? dataRows(file) : 1).sum();
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    private static long dataRows(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return Math.max(0, lines.count() - 1);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
