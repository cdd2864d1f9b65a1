package ai.truedy.loader.model;

/**
 * What the API made of one batch.
 *
 * @param disposition what happens to the batch's rows
 * @param httpStatus  the answer's status, null when no answer came
 * @param requestId   Truedy's {@code meta.request_id}, for support
 * @param reason      why the rows were rejected (REJECTED only)
 * @param detail      human text: status, error code and message, request id
 * @param counts      what a 200 answer counted
 */
public record BatchOutcome(Disposition disposition, Integer httpStatus, String requestId, RejectReason reason,
                           String detail, ApiCounts counts) {

    /** A batch settled without a request: its rows wait in retry/, and the detail says why. */
    public static BatchOutcome notSent(String why) {
        return new BatchOutcome(Disposition.RETRY, null, null, null, "not sent: " + why, ApiCounts.NONE);
    }

    public enum Disposition {
        /** The API took the contacts. */
        ACCEPTED,
        /** The API refused the data; sending it again cannot help. */
        REJECTED,
        /** The data is fine but the call failed (auth, rate limit, server, network): send again later. */
        RETRY
    }

    /**
     * The counts of a 200 answer, in either shape the API documents; a field the answer lacks is null.
     */
    public record ApiCounts(Integer added, Integer failed, Integer duplicatesSkipped, Integer invalidSkipped,
                            Integer totalContacts) {
        public static final ApiCounts NONE = new ApiCounts(null, null, null, null, null);
    }
}
