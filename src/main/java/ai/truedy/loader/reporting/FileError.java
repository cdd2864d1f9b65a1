package ai.truedy.loader.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Written as {@code error/<stem>.error.json} when a file could not be loaded: why, and what had
 * already happened to its rows before it stopped (nothing, for a file that could not be read at all).
 * {@code schemas/error.schema.json} in the jar describes it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FileError(
        String file,
        String error,
        String failedAt,
        long rowsRead,
        long accepted,
        long rejected,
        long pendingRetry,
        FileReport.Outputs outputs) {
}
