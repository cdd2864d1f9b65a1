package ai.truedy.loader.wiring;

import java.util.Comparator;

import ai.truedy.loader.files.FileOutcomes;
import ai.truedy.loader.files.InboxTurns;
import ai.truedy.loader.state.SentMemory;
import ai.truedy.loader.state.StateStore;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.spi.IdempotentRepository;

/**
 * What a mode puts behind the seams of the one pipeline that loads files (routes/load-contacts,
 * routes/send-batch): a load's parts ({@link LoadBeans}) or a preview's ({@link PreviewBeans}).
 *
 * @param claims      the inbox's claims: this process's or the cluster's; a preview's take each file once
 * @param inboxOrder  the order files are taken in
 * @param elsewhere   the folders other instances are loading
 * @param journals    the journals: kept, or (a preview) only read
 * @param sent        the numbers each batch call has, looked up
 * @param remembered  where the numbers a file had accepted are remembered (nowhere, for a preview)
 * @param outcomes    where a file's outputs go and what becomes of its original
 * @param batchSender what the send route's senders do with a batch: send it, or (a preview) settle it unsent
 */
record Pipeline(IdempotentRepository claims, Comparator<GenericFile<?>> inboxOrder, InboxTurns.Elsewhere elsewhere,
                StateStore journals, SentMemory sent, SentMemory remembered, FileOutcomes outcomes, Object batchSender) {
}
