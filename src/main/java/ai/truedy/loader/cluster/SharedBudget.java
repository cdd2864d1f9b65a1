package ai.truedy.loader.cluster;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.model.LogSafe;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request budget every instance of a cluster spends from. Requests are paced by a Bucket4j
 * bucket kept in {@code loader_budget} (its {@code SELECT … FOR UPDATE} variant), holding one
 * request and refilled once every {@code 60 s / truedy.rate-limit.requests-per-minute} (1% wider),
 * so that no minute holds more across all instances. A 429's pause and the suspension after 401,
 * 402 or 403 are kept in {@code loader_pauses} ({@link SharedPauses}), timed by the database's
 * clock, so that one instance's 401 pauses them all. Requests in flight at once are counted per instance.
 * While batches of several batch calls wait, the turns go to batch calls in turn, whichever instance
 * holds them ({@link SharedTurns}), so that one campaign's big list never starves another's.
 */
public final class SharedBudget implements RequestBudget {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBudget.class);
    private static final long BUDGET_ID = 1L;
    private static final long PAUSES_FRESH_FOR = TimeUnit.MILLISECONDS.toNanos(500);

    private final BucketProxy bucket;
    private final Semaphore inFlight;
    private final SharedPauses pauses;
    private final SharedTurns turns;

    /** @param lease {@code loader.cluster.lease}: a dead instance's waiting requests stop counting after it */
    public SharedBudget(ClusterDatabase db, int requestsPerMinute, int concurrency, Duration lease) {
        this.inFlight = new Semaphore(concurrency, true);
        this.pauses = new SharedPauses(db, PAUSES_FRESH_FOR);
        if (requestsPerMinute <= 0) {
            this.bucket = null;
            this.turns = null; // no budget, no turns to share
        } else {
            this.turns = new SharedTurns(db, lease, RequestBudget.pacing(requestsPerMinute));
            BucketConfiguration configuration = BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(1).refillGreedy(1, RequestBudget.pacing(requestsPerMinute)))
                    .build();
            this.bucket = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(db.dataSource())
                    .table("loader_budget").idColumn("id").stateColumn("state")
                    .build().builder().build(BUDGET_ID, () -> configuration);
        }
    }

    @Override
    public void awaitTurn(String batchCallId, int priority) throws InterruptedException {
        inFlight.acquire();
        try {
            if (turns != null) {
                turns.await(batchCallId, priority);
            }
            while (true) {
                pauses.awaitRatePause();
                if (takeToken()) {
                    return;
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** One request from the shared bucket; false when it was taken during a 429 pause. */
    private boolean takeToken() throws InterruptedException {
        if (bucket != null) {
            try {
                bucket.asBlocking().consume(1);
            } catch (RuntimeException e) { // nothing is sent beyond the budget: the batch waits in retry/
                throw new Unavailable("the shared request budget cannot be reached ("
                        + ClusterDatabase.rootMessage(e) + ")");
            }
        }
        return !pauses.ratePaused();
    }

    @Override
    public void done() {
        inFlight.release();
    }

    @Override
    public void pauseFor(Duration wait) {
        pauses.pause("rate", wait, "HTTP 429");
    }

    @Override
    public void suspend(Duration pause, String because) {
        boolean already = pauses.suspension() != null;
        pauses.pause("auth", pause, because);
        if (!already) {
            LOG.error("Sending to Truedy is suspended for every instance for {}: {}. The account or key needs attention;"
                    + " batches wait in retry/ and sending is tried again then.", pause, LogSafe.mask(because));
        }
    }

    @Override
    public String suspension() {
        return pauses.suspension();
    }

    @Override
    public void recovered() {
        if (pauses.suspension() != null) {
            pauses.lift("auth");
            LOG.info("Sending to Truedy works again");
        }
    }
}
