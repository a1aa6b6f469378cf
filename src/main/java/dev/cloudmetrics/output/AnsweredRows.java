package dev.cloudmetrics.output;

import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.time.FinalBuckets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The rows of one answer checked against the question, so that what a server gets wrong is never
 * passed through. Refused (a service failure naming it), because no output could be right: a time
 * off the bucket grid, a series that was not asked for, two different values for one bucket.
 * Reconciled (left out, with a note for --verbose), because what is left is exactly right: a
 * bucket outside the window asked for, a bucket repeated with the same value.
 *
 * @param action the API action, for messages
 * @param grid the buckets' size and alignment
 * @param first the first bucket asked for
 * @param last the last bucket asked for
 * @param asked whether a series' labels are among those asked for
 */
public record AnsweredRows(String action, FinalBuckets grid, Instant first, Instant last, Predicate<List<String>> asked) {

  /** The rows that answer the question, in their order; {@code note} hears what was left out. */
  public List<Row> reconcile(List<Row> rows, Consumer<String> note) {
    List<Row> kept = new ArrayList<>(rows.size());
    Map<Key, Row> seen = new HashMap<>();
    int outside = 0;
    int repeated = 0;
    for (Row row : rows) {
      if (!grid.bucketOf(row.time()).equals(row.time())) {
        throw failure("a bucket at " + row.time() + ", off the grid of " + grid.size().toSeconds() + "-second buckets"
            + series(row));
      }
      if (!asked.test(row.labels())) {
        throw failure("a series that was not asked for:" + series(row));
      }
      if (row.time().isBefore(first) || row.time().isAfter(last)) {
        outside++;
        continue;
      }
      Row earlier = seen.putIfAbsent(new Key(row.time(), row.labels()), row);
      if (earlier != null) {
        if (earlier.value().compareTo(row.value()) != 0) {
          throw failure("two values for the bucket at " + row.time() + series(row) + ": " + earlier.value().toPlainString()
              + " and " + row.value().toPlainString());
        }
        repeated++;
        continue;
      }
      kept.add(row);
    }
    if (outside > 0) {
      note.accept(action + " answered " + outside + " point(s) outside the buckets asked for (" + first + " to " + last
          + "); left out");
    }
    if (repeated > 0) {
      note.accept(action + " answered " + repeated + " point(s) twice with the same value; printed once");
    }
    return kept;
  }

  private static String series(Row row) {
    return row.labels().isEmpty() ? "" : " (" + String.join(" ", row.labels()) + ")";
  }

  private ServiceFailureException failure(String what) {
    return new ServiceFailureException(action + ": the service answered " + what);
  }

  /**
   * Written out, not a record's generated methods: those are linked through invokedynamic on first
   * use, which spins method-handle classes (5 ms of a 200 ms sandbox query, on the path from
   * the answer to the first row).
   */
  private static final class Key {
    private final Instant time;
    private final List<String> labels;

    Key(Instant time, List<String> labels) {
      this.time = time;
      this.labels = labels;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && time.equals(key.time) && labels.equals(key.labels);
    }

    @Override
    public int hashCode() {
      return 31 * time.hashCode() + labels.hashCode();
    }
  }
}
