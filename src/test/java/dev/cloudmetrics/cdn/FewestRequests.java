package dev.cloudmetrics.cdn;

import dev.cloudmetrics.time.ApiTimeFormats;
import dev.cloudmetrics.time.Buckets;
import java.time.Duration;
import java.time.Instant;

/**
 * The fewest requests that can answer a query, found by brute force independently of the planner:
 * over every split of the streams into consecutive batches of any sizes, and every cut of each
 * batch's buckets, of requests sent from their first bucket's start to their last bucket's start.
 */
final class FewestRequests {
  private final Instant start;
  private final Instant end;
  private final Instant firstBucket;
  private final long buckets;
  private final long minutes;

  private FewestRequests(OnlineUsersQuery query) {
    Duration size = query.granularity().duration();
    this.start = query.window().start();
    this.end = query.window().end();
    this.firstBucket = Buckets.floor(start, size, ApiTimeFormats.BEIJING);
    this.minutes = size.toMinutes();
    this.buckets = Duration.between(firstBucket, Buckets.floor(end, size, ApiTimeFormats.BEIJING)).toMinutes()
        / minutes + 1;
  }

  static long of(OnlineUsersQuery query) {
    FewestRequests fewest = new FewestRequests(query);
    int streams = query.streamUrls().size();
    if (!query.perStream()) {
      return fewest.inTime(1);
    }
    int regions = query.regions().size();
    long[] best = new long[streams + 1];
    for (int prefix = 1; prefix <= streams; prefix++) {
      best[prefix] = Long.MAX_VALUE;
      for (int batch = 1; batch <= prefix && (long) batch * regions <= DataPoints.LIMIT; batch++) {
        best[prefix] = Math.min(best[prefix], best[prefix - batch] + fewest.inTime((long) batch * regions));
      }
    }
    return best[streams];
  }

  /** Fewest requests over all cuts in time: one more than the fewest for the buckets before the last request. */
  private long inTime(long series) {
    long[] fewest = new long[(int) buckets + 1];
    int from = 0;
    for (int last = 0; last < buckets; last++) {
      while (!fits(from, last, series)) {
        from++;
      }
      fewest[last + 1] = fewest[from] + 1;
    }
    return fewest[(int) buckets];
  }

  private boolean fits(long first, long last, long series) {
    Instant from = first == 0 ? start : bucket(first);
    Instant to = last == buckets - 1 ? end : bucket(last);
    long span = Math.max(1, Duration.between(from, to).toMinutes());
    return span <= 7 * 1440 && -Math.floorDiv(-series * span, minutes) <= DataPoints.LIMIT;
  }

  private Instant bucket(long index) {
    return firstBucket.plus(Duration.ofMinutes(index * minutes));
  }
}
