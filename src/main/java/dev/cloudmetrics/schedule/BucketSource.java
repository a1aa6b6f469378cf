package dev.cloudmetrics.schedule;

import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.time.FinalBuckets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An API seen as buckets that turn final one after another: what {@link BucketLoop} polls. Each API
 * package implements it over its own client, so the loop knows nothing of requests or limits.
 */
public interface BucketSource {
  /** The buckets' size, alignment and latency (--latency applied). */
  FinalBuckets buckets();

  /** How long the API keeps a bucket. */
  Duration history();

  /** The earliest moment a query sent at {@code now} may start: older buckets are gone from the API. */
  Instant oldestAvailable(Instant now);

  /**
   * The series to ask for in the poll about to start: called before every poll, so that a list that
   * changes while the loop runs (discovered apps or streams) is followed.
   */
  List<String> series();

  /**
   * The rows of {@code series} from the bucket holding {@code from} up to, not including, the bucket
   * starting at {@code finalBefore}, in time order, asked at {@code now}; throws the API's failures
   * unchanged (the loop decides which end it).
   */
  List<Row> fetch(List<String> series, Instant from, Instant finalBefore, Instant now);
}
