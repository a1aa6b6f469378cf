package dev.cloudmetrics.cdn;

import java.time.Duration;

/**
 * The API's throughput rule: regions x streams x minutes / granularity data points per request,
 * at most {@link #LIMIT}; a merged result (ResultType 0) counts as one region and one stream.
 */
public final class DataPoints {
  public static final long LIMIT = 10_000;

  private DataPoints() {}

  /** The count the API computes for a query, rounded up. */
  public static long count(OnlineUsersQuery query) {
    return count(query.regions().size(), query.streamUrls().size(), query.window().span(), query.granularity(),
        query.perStream());
  }

  /** The count for a window of {@code span} (whole minutes count; seconds are not sent). */
  public static long count(int regions, int streams, Duration span, Granularity granularity, boolean perStream) {
    long series = perStream ? (long) regions * streams : 1;
    long points = series * span.toMinutes();
    return -Math.floorDiv(-points, granularity.minutes()); // rounded up (Math.ceilDiv is Java 18)
  }
}
