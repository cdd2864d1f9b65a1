package ai.truedy.loader.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.truedy.loader.delivery.RequestBudget;
import ai.truedy.loader.reporting.FilesInFlight;

/**
 * How long the files in flight have left at the request budget, as the fair turns will serve them:
 * the batch calls with rows to go share the budget by their priority, and a batch call's files go
 * one after the other, oldest first (weighted processor sharing). When a batch call runs out of
 * rows, the others' shares grow. A file's rows to go are estimated from how much of it has been
 * read, so the answer is "about", with a range while most of the file is still unread.
 */
final class TimeLeft {

    /** Below this much of a file read, its size is not guessed: no time left is shown. */
    static final double TOO_EARLY = 0.02;

    /**
     * One file's estimate.
     *
     * @param rowsExpected rows the file holds, as far as can be told
     * @param seconds      time left, or null when it cannot be told yet
     * @param low          the range's low end, or null when the estimate is firm (the whole file has been read)
     */
    record Estimate(long rowsExpected, long rowsToGo, Long seconds, Long low, Long high) {
    }

    /** A batch call's files in flight, together. */
    record BatchCall(String batchCall, int files, long rowsToGo, Long seconds) {
    }

    record Answer(Map<String, Estimate> files, List<BatchCall> batchCalls) {
    }

    private final int requestsPerMinute;
    private final int batchSize;

    TimeLeft(int requestsPerMinute, int batchSize) {
        this.requestsPerMinute = requestsPerMinute;
        this.batchSize = Math.max(1, batchSize);
    }

    /** @param files the files in flight, oldest first */
    Answer of(List<FilesInFlight.Progress> files) {
        Map<String, List<FilesInFlight.Progress>> byBatchCall = new LinkedHashMap<>();
        files.forEach(file -> byBatchCall.computeIfAbsent(file.batchCall(), any -> new ArrayList<>()).add(file));
        Map<String, Double> finishes = requestsPerMinute <= 0 ? Map.of() : finishTimes(byBatchCall);
        Map<String, Estimate> estimates = new LinkedHashMap<>();
        List<BatchCall> totals = new ArrayList<>();
        byBatchCall.forEach((batchCall, itsFiles) -> {
            long rowsToGo = 0;
            boolean known = true;
            double last = 0;
            for (FilesInFlight.Progress file : itsFiles) {
                long expected = expectedRows(file);
                long toGo = Math.max(0, expected - file.settled());
                rowsToGo += toGo;
                Double finish = finishes.get(file.file());
                boolean guessable = file.fractionRead() >= TOO_EARLY;
                known &= guessable && finish != null;
                last = finish == null ? last : Math.max(last, finish);
                Long seconds = guessable && finish != null ? Math.round(finish) : null;
                boolean firm = file.fractionRead() >= 1.0;
                // the rows still unread may be longer or shorter than those read: the less read, the wider
                double spread = firm ? 0 : 0.1 + 0.4 * (1 - file.fractionRead());
                estimates.put(file.file(), new Estimate(expected, toGo, seconds,
                        seconds == null || firm ? null : Math.round(finish * (1 - spread / 2)),
                        seconds == null || firm ? null : Math.round(finish * (1 + spread))));
            }
            totals.add(new BatchCall(batchCall, itsFiles.size(), rowsToGo, known ? Math.round(last) : null));
        });
        return new Answer(estimates, totals);
    }

    /** Rows the file holds: those read, scaled by how much of the file they are. */
    static long expectedRows(FilesInFlight.Progress file) {
        if (file.fractionRead() <= 0) {
            return file.rowsRead();
        }
        return Math.max(file.rowsRead(), Math.round(file.rowsRead() / Math.min(1.0, file.fractionRead())));
    }

    /**
     * When each file's last request goes out, in seconds from now, as the turns share the budget:
     * each batch call serves its files in turn, at its share of the budget among the batch calls
     * with requests to go; whenever one file is done, the shares are worked out again.
     */
    private Map<String, Double> finishTimes(Map<String, List<FilesInFlight.Progress>> byBatchCall) {
        double perSecond = (double) TimeUnit.SECONDS.toNanos(1) / RequestBudget.pacing(requestsPerMinute).toNanos();
        List<Turns> waiting = new ArrayList<>();
        byBatchCall.values().forEach(files -> {
            Turns turns = new Turns(Math.max(1, files.get(0).priority()));
            files.forEach(file -> turns.files.add(new FileLeft(file.file(), requestsToGo(file))));
            waiting.add(turns);
        });
        Map<String, Double> finishes = new HashMap<>();
        double now = 0;
        while (!waiting.isEmpty()) {
            double weights = waiting.stream().mapToDouble(Turns::weight).sum();
            double step = waiting.stream().mapToDouble(turns -> turns.files.peek().requests / turns.rate(perSecond, weights))
                    .min().orElseThrow();
            now += step;
            for (Turns turns : waiting) {
                FileLeft head = turns.files.peek();
                head.requests -= turns.rate(perSecond, weights) * step;
                if (head.requests <= 1e-9) {
                    finishes.put(head.file, now);
                    turns.files.poll();
                }
            }
            waiting.removeIf(turns -> turns.files.isEmpty());
        }
        return finishes;
    }

    /** A batch call's files still to be served, in turn, and its weight among the batch calls. */
    private record Turns(double weight, Deque<FileLeft> files) {

        Turns(double weight) {
            this(weight, new ArrayDeque<>());
        }

        double rate(double perSecond, double weights) {
            return perSecond * weight / weights;
        }
    }

    /** A file and the requests it has still to send. */
    private static final class FileLeft {

        final String file;
        double requests;

        FileLeft(String file, double requests) {
            this.file = file;
            this.requests = requests;
        }
    }

    private double requestsToGo(FilesInFlight.Progress file) {
        return Math.ceil((double) Math.max(0, expectedRows(file) - file.settled()) / batchSize);
    }
}
