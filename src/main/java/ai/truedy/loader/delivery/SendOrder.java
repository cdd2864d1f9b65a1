package ai.truedy.loader.delivery;

/**
 * Lets the batches of one file through the gate in file order, whichever sender thread carries
 * them: the first try of batch n waits until batch n - 1 has had its turn. With one sender, batches
 * then go strictly one after the other, so nothing is sent after a 404 for its batch call.
 */
public final class SendOrder {

    private int next = 1;

    /** Waits until every batch before {@code sequence} has had its turn. */
    public synchronized void awaitTurn(int sequence) throws InterruptedException {
        while (sequence > next) {
            wait();
        }
    }

    /** Batch {@code sequence} has had its turn: the next may go. */
    public synchronized void taken(int sequence) {
        if (sequence >= next) {
            next = sequence + 1;
            notifyAll();
        }
    }
}
