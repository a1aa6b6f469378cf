package dev.cloudmetrics.cdn;

import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSink;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the rows of a plan's requests, which finish in any order, into the order one request for
 * the whole query would give: by bucket, and within a bucket by stream batch. A bucket is written
 * as soon as every batch's request for it is in, so only the rows of requests that are ahead of
 * the slowest one are held.
 */
final class RowStitcher {
  private final RowSink sink;
  private final List<List<PlannedRequest>> byBatch = new ArrayList<>();
  private final int[] nextOfBatch;
  private final List<ArrayDeque<Row>> pending = new ArrayList<>();
  private final List<Optional<Instant>> knownThrough = new ArrayList<>();
  private final Map<Integer, List<Row>> early = new HashMap<>();
  private final List<PlannedRequest> held = new ArrayList<>();
  private Optional<Instant> writtenThrough = Optional.empty();
  private long rowsWritten;

  RowStitcher(RequestPlan plan, RowSink sink) {
    this.sink = sink;
    for (int batch = 0; batch < plan.batches(); batch++) {
      byBatch.add(new ArrayList<>());
      pending.add(new ArrayDeque<>());
      knownThrough.add(Optional.empty());
    }
    for (PlannedRequest request : plan.requests()) {
      byBatch.get(request.batch()).add(request);
    }
    this.nextOfBatch = new int[plan.batches()];
  }

  /** Takes the rows of one request (in any order) and writes every bucket that is now complete. */
  void accept(PlannedRequest request, List<Row> rows) throws IOException {
    held.add(request);
    // Only its own buckets: a stretched window may touch one more, and that one is another request's.
    List<Row> own = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (request.answersFor(row.time())) {
        own.add(row);
      }
    }
    own.sort(Comparator.comparing(Row::time)); // stable: the API's order within a bucket stays
    early.put(request.index(), own);
    int batch = request.batch();
    List<PlannedRequest> sequence = byBatch.get(batch);
    while (nextOfBatch[batch] < sequence.size() && early.containsKey(sequence.get(nextOfBatch[batch]).index())) {
      PlannedRequest next = sequence.get(nextOfBatch[batch]++);
      pending.get(batch).addAll(early.remove(next.index()));
      knownThrough.set(batch, Optional.of(next.lastBucket()));
    }
    write();
  }

  private void write() throws IOException {
    Optional<Instant> bound = completeThrough();
    if (bound.isEmpty()) {
      return;
    }
    Instant through = bound.get();
    for (Optional<Instant> bucket = earliestPending(through); bucket.isPresent(); bucket = earliestPending(through)) {
      for (ArrayDeque<Row> rows : pending) {
        while (!rows.isEmpty() && rows.peekFirst().time().equals(bucket.get())) {
          sink.accept(rows.pollFirst());
          rowsWritten++;
        }
      }
    }
    writtenThrough = bound;
    held.removeIf(request -> !request.lastBucket().isAfter(through));
  }

  /** The last bucket every batch has all its rows for: the earliest of the batches' last known buckets. */
  private Optional<Instant> completeThrough() {
    Optional<Instant> bound = Optional.empty();
    for (Optional<Instant> known : knownThrough) {
      if (known.isEmpty()) {
        return Optional.empty();
      }
      if (bound.isEmpty() || known.get().isBefore(bound.get())) {
        bound = known;
      }
    }
    return bound;
  }

  private Optional<Instant> earliestPending(Instant through) {
    Optional<Instant> earliest = Optional.empty();
    for (ArrayDeque<Row> rows : pending) {
      if (!rows.isEmpty()) {
        Instant head = rows.peekFirst().time();
        if (!head.isAfter(through) && (earliest.isEmpty() || head.isBefore(earliest.get()))) {
          earliest = Optional.of(head);
        }
      }
    }
    return earliest;
  }

  /** The last bucket every row of which has been written, if any. */
  Optional<Instant> writtenThrough() {
    return writtenThrough;
  }

  long rowsWritten() {
    return rowsWritten;
  }

  /** Requests taken whose rows are not all written yet. */
  int held() {
    return held.size();
  }
}
