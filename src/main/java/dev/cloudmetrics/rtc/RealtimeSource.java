package dev.cloudmetrics.rtc;

import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.schedule.BucketSource;
import dev.cloudmetrics.time.FinalBuckets;
import dev.cloudmetrics.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * RTC as a {@link BucketSource}: the apps and indicators of the first query, polled with one
 * request per app through the run's one client, so every poll keeps to the run's one request budget.
 */
public final class RealtimeSource implements BucketSource {
  private final RealtimeClient client;
  private final RealtimeQuery first;
  private final FinalBuckets buckets;
  private final Supplier<List<String>> apps;

  /**
   * @param buckets RTC's buckets, with --latency applied
   * @param apps the apps to poll, asked before every poll (--app-id all's list follows the account)
   */
  public RealtimeSource(RealtimeClient client, RealtimeQuery first, FinalBuckets buckets,
      Supplier<List<String>> apps) {
    this.client = client;
    this.first = first;
    this.buckets = buckets;
    this.apps = apps;
  }

  /** The apps of {@code first}, always the same. */
  public RealtimeSource(RealtimeClient client, RealtimeQuery first, FinalBuckets buckets) {
    this(client, first, buckets, first::appIds);
  }

  @Override
  public FinalBuckets buckets() {
    return buckets;
  }

  @Override
  public Duration history() {
    return RealtimeQueries.HISTORY;
  }

  @Override
  public Instant oldestAvailable(Instant now) {
    return now.minus(RealtimeQueries.HISTORY).plus(RealtimeQueries.EDGE_MARGIN);
  }

  @Override
  public List<String> series() {
    return apps.get();
  }

  @Override
  public List<Row> fetch(List<String> series, Instant from, Instant finalBefore, Instant now) {
    return client.rows(new RealtimeQuery(series, first.indicators(), new TimeWindow(from, now), first.region(),
        first.endpoint(), Optional.of(finalBefore)));
  }
}
