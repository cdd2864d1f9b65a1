package ai.truedy.loader.wiring;

import java.io.IOException;
import java.io.PrintStream;

import ai.truedy.loader.contacts.DoNotCallLists;
import ai.truedy.loader.delivery.HeldWhile;
import ai.truedy.loader.delivery.PreviewSender;
import ai.truedy.loader.delivery.SendGate;
import ai.truedy.loader.files.InboxTurns;
import ai.truedy.loader.files.LoaderRun;
import ai.truedy.loader.files.PreviewOutcomes;
import ai.truedy.loader.files.PreviewedFiles;
import ai.truedy.loader.state.LocalSentMemory;
import ai.truedy.loader.state.PreviewJournals;
import ai.truedy.loader.state.SentMemory;
import ai.truedy.loader.wiring.settings.LoaderSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A preview's parts ({@code --preview}, {@code loader.preview = true}) behind the pipeline's seams:
 * it sends nothing and changes nothing but its own folder. Each file is taken once (again once it
 * changed) and left where it is, its batches are settled unsent, its journal keeps nothing (content
 * loaded lately is found in the local journals, which are only read), and what a load would do goes
 * to loader.preview-dir. No sandbox, no cluster database, no re-drive, no settle watch, no
 * notifications: those routes do not run in a preview.
 */
@Configuration
public final class PreviewBeans {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewBeans.class);

    private final LoaderSettings settings;
    private final LoaderRun run;
    private final ObjectMapper json;

    PreviewBeans(LoaderSettings settings, LoaderRun run, ObjectMapper json) {
        this.settings = settings;
        this.run = run;
        this.json = json;
    }

    /** Sending is held as a load's would be while a do-not-call list is stale. */
    @BindToRegistry(lazy = true)
    public Pipeline pipeline(DoNotCallLists doNotCall) throws IOException {
        PrintStream summaries = settings.running().once() ? System.out : null;
        boolean cluster = settings.cluster().enabled(); // the cluster's journals and memory are not looked at
        PreviewJournals journals = new PreviewJournals(cluster ? null : settings.folders().state(), settings.folders().duplicateFileWindow(),
                Coordination.keys(settings), settings.preview().dir().resolve(".scratch"), json);
        SentMemory sent = cluster || settings.folders().sentMemory().isZero() ? SentMemory.NONE
                : new LocalSentMemory(settings.folders().state(), settings.folders().sentMemory(), true, json);
        LOG.info("PREVIEW: files in {} are read and what a load would do is written to {}; nothing is sent or moved",
                settings.folders().inbox(), settings.preview().dir());
        return new Pipeline(new PreviewedFiles(), Coordination.ARRIVAL, InboxTurns.Elsewhere.NONE, journals, sent,
                SentMemory.NONE, new PreviewOutcomes(settings.preview().dir(), settings.api().delivery().requestsPerMinute(), run,
                        summaries), new PreviewSender(new HeldWhile(new SendGate(0, 1), doNotCall::stale)));
    }
}
