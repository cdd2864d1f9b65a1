package ai.truedy.loader.wiring;

import java.util.Comparator;
import java.util.function.BooleanSupplier;

import ai.truedy.loader.wiring.settings.LoaderSettings;
import ai.truedy.loader.cluster.ClusterDatabase;
import ai.truedy.loader.cluster.FileClaims;
import ai.truedy.loader.cluster.OrphansFirst;
import ai.truedy.loader.cluster.SharedBudget;
import ai.truedy.loader.cluster.SharedOperatorPause;
import ai.truedy.loader.cluster.SharedSentMemory;
import ai.truedy.loader.cluster.SharedStateStore;
import ai.truedy.loader.config.LoaderConfigException;
import ai.truedy.loader.delivery.OperatorPause;
import ai.truedy.loader.delivery.PauseFile;
import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.delivery.SendGate;
import ai.truedy.loader.files.InboxTurns;
import ai.truedy.loader.state.FileJournals;
import ai.truedy.loader.state.JournalKeys;
import ai.truedy.loader.state.LocalSentMemory;
import ai.truedy.loader.state.SentMemory;
import ai.truedy.loader.state.StateStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * What one instance shares with others, or keeps to itself: the claims on inbox files (the inbox
 * route's {@code fileClaims}), the order it takes them in ({@code inboxOrder}: by arrival, or in a
 * cluster lapsed claims first) and the folders other instances are loading, the state store
 * (journals, duplicate memory, output names), the request budget, and the numbers each batch call
 * already has ({@code loader.sent-memory}), and a person's pause of all sending. With
 * {@code loader.cluster.jdbc-url} empty they are local, as for one instance, and there is no
 * {@code database}; with a PostgreSQL URL they live in that database.
 */
record Coordination(IdempotentRepository claims, StateStore store, RequestBudget budget,
                    Comparator<GenericFile<?>> inboxOrder, InboxTurns.Elsewhere elsewhere, SentMemory sent,
                    OperatorPause.Store pause, ClusterDatabase database) {

    /** How many inbox paths the local claims remember at most (only files being read are held). */
    private static final int LOCAL_CLAIMS = 10_000;
    /** The order files arrived in: by when they were last written, then by path. */
    static final Comparator<GenericFile<?>> ARRIVAL = Comparator.<GenericFile<?>>comparingLong(
            GenericFile::getLastModified).thenComparing(GenericFile::getRelativeFilePath);

    /** How journals are known: by content, for the batch call of rows that do not say. */
    static JournalKeys keys(LoaderSettings settings) {
        return new JournalKeys(settings.api().defaultBatchCallId());
    }

    /** @param stopping whether the loader is stopping */
    static Coordination of(LoaderSettings settings, ObjectMapper json, CamelContext context, BooleanSupplier stopping)
            throws Exception {
        int rpm = settings.api().delivery().requestsPerMinute();
        int concurrency = settings.api().delivery().concurrency();
        if (!settings.cluster().enabled()) {
            return new Coordination(MemoryIdempotentRepository.memoryIdempotentRepository(LOCAL_CLAIMS),
                    new FileJournals(settings.folders().state(), settings.folders().duplicateFileWindow(), json, keys(settings), stopping),
                    new SendGate(rpm, concurrency), ARRIVAL, InboxTurns.Elsewhere.NONE,
                    settings.folders().sentMemory().isZero() ? SentMemory.NONE
                            : new LocalSentMemory(settings.folders().state(), settings.folders().sentMemory(), false, json),
                    new PauseFile(settings.folders().state(), json), null);
        }
        ClusterDatabase db;
        try {
            db = ClusterDatabase.open(settings.cluster());
        } catch (IllegalStateException e) {
            throw new LoaderConfigException(e.getMessage());
        }
        context.addService(db, true, true);
        FileClaims claims = new FileClaims(db, settings.folders().inbox(), settings.cluster().lease());
        context.addService(claims, true, true);
        return new Coordination(claims,
                new SharedStateStore(db, claims, settings.folders().duplicateFileWindow(), settings.folders().state(), json, keys(settings)),
                new SharedBudget(db, rpm, concurrency, settings.cluster().lease()), new OrphansFirst(claims, settings.cluster().instanceId()),
                new InboxTurns.Elsewhere(claims.others()::busyFoldersLately, claims.others()::folderBusy),
                settings.folders().sentMemory().isZero() ? SentMemory.NONE : new SharedSentMemory(db, settings.folders().sentMemory()),
                new SharedOperatorPause(db), db);
    }
}
