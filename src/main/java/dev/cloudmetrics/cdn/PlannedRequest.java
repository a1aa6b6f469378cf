package dev.cloudmetrics.cdn;

import dev.cloudmetrics.time.TimeWindow;
import java.time.Instant;
import java.util.List;

/**
 * One request of a {@link RequestPlan}: the streams of one batch over a run of whole buckets.
 * {@code window} is what is sent; the rows it answers for are those from {@code firstBucket} to
 * {@code lastBucket} (bucket starts, inclusive), so that every bucket comes from exactly one request.
 *
 * @param index position in the plan, which is the order of sending
 * @param batch which stream batch, counted from 0 in the order the streams were given
 * @param firstStream position of the batch's first stream in the query
 * @param points the data points the API counts for it
 */
public record PlannedRequest(int index, int batch, int firstStream, List<String> streams, Instant firstBucket,
    Instant lastBucket, TimeWindow window, long points) {

  public PlannedRequest {
    streams = List.copyOf(streams);
  }

  /** Whether a row at {@code bucket} is this request's to give. */
  public boolean answersFor(Instant bucket) {
    return !bucket.isBefore(firstBucket) && !bucket.isAfter(lastBucket);
  }
}
