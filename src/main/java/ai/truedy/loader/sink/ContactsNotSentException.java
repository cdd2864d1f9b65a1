package ai.truedy.loader.sink;

import ai.truedy.loader.model.LogSafe;

/**
 * Some contacts of a message could not be sent now (the API could not be reached, kept failing,
 * or sending is suspended). The message then fails, so that the route's error handler (redelivery,
 * dead letter channel, a broker's rollback) keeps them: the message body is left holding only
 * those contacts, as they came, never the ones already accepted or rejected.
 */
public final class ContactsNotSentException extends RuntimeException {

    private final transient SinkResult result;

    ContactsNotSentException(SinkResult result) {
        super(result.notSentCount() + " of " + result.received() + " contacts could not be sent to Truedy now ("
                + LogSafe.mask(result.notSentBecause()) + "); " + result.accepted() + " were accepted and "
                + result.rejected().size() + " rejected. The message body now holds only the contacts not sent.");
        this.result = result;
    }

    /** Every contact's outcome, rejections included. */
    public SinkResult result() {
        return result;
    }
}
