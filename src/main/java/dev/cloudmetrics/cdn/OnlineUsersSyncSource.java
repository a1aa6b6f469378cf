package dev.cloudmetrics.cdn;

import dev.cloudmetrics.output.RowSink;
import dev.cloudmetrics.sync.SyncSource;
import dev.cloudmetrics.time.FinalBuckets;
import dev.cloudmetrics.time.TimeWindow;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * CDN rows for {@code --sync}: the streams, regions and granularity of a validated query, from a
 * bucket up to now, planned and fetched as a one-off export is (concurrency, rate, retries,
 * progress); the API keeps 62 days.
 */
public final class OnlineUsersSyncSource implements SyncSource {
  private final OnlineUsersClient client;
  private final OnlineUsersQuery query;
  private final Instant now;
  private final FetchSettings fetching;
  private final Function<RequestPlan, PlanProgress> progress;
  private final ZoneId zone;

  public OnlineUsersSyncSource(OnlineUsersClient client, OnlineUsersQuery query, Instant now, FetchSettings fetching,
      Function<RequestPlan, PlanProgress> progress, ZoneId zone) {
    this.client = client;
    this.query = query;
    this.now = now;
    this.fetching = fetching;
    this.progress = progress;
    this.zone = zone;
  }

  @Override
  public Instant oldestAvailable() {
    Instant safe = now.minus(OnlineUsersQueries.HISTORY).plus(OnlineUsersQueries.EDGE_MARGIN)
        .plus(59, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MINUTES);
    FinalBuckets buckets = FinalBuckets.cdn(query.granularity().duration());
    Instant bucket = buckets.bucketOf(safe);
    return bucket.equals(safe) ? bucket : bucket.plus(buckets.size());
  }

  @Override
  public String keeps() {
    return "62 days";
  }

  @Override
  public void fetch(Instant from, RowSink sink) throws IOException {
    Instant end = now.truncatedTo(ChronoUnit.MINUTES);
    if (!from.isBefore(end)) {
      return;
    }
    OnlineUsersQuery window = new OnlineUsersQuery(query.streamUrls(), query.regions(), query.granularity(),
        query.perStream(), new TimeWindow(from, end), query.signingRegion(), query.endpoint());
    RequestPlan plan = OnlineUsersClient.plan(window);
    client.fetch(plan, sink, fetching, progress.apply(plan), ResumeAdvice.forSync(zone));
  }
}
