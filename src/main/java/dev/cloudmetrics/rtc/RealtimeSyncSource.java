package dev.cloudmetrics.rtc;

import dev.cloudmetrics.output.RowSink;
import dev.cloudmetrics.sync.SyncSource;
import dev.cloudmetrics.time.Buckets;
import dev.cloudmetrics.time.TimeWindow;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * RTC rows for {@code --sync}: the apps and indicators of a validated query, from a bucket up to now,
 * incomplete buckets included (DEST decides what it keeps); the API keeps 60 minutes.
 */
public final class RealtimeSyncSource implements SyncSource {
  private final RealtimeClient client;
  private final RealtimeQuery query;
  private final Instant now;

  public RealtimeSyncSource(RealtimeClient client, RealtimeQuery query, Instant now) {
    this.client = client;
    this.query = query;
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public Instant oldestAvailable() {
    // As --watch: the bucket holding the oldest start the API still takes when the request arrives.
    return Buckets.rtcBucket(safeStart());
  }

  @Override
  public String keeps() {
    return "60 minutes";
  }

  @Override
  public void fetch(Instant from, RowSink sink) throws IOException {
    Instant start = from.isBefore(safeStart()) ? safeStart() : from;
    if (!start.isBefore(now)) {
      return;
    }
    client.fetch(new RealtimeQuery(query.appIds(), query.indicators(), new TimeWindow(start, now), query.region(),
        query.endpoint(), Optional.empty()), sink);
  }

  private Instant safeStart() {
    return now.minus(RealtimeQueries.HISTORY).plus(RealtimeQueries.EDGE_MARGIN);
  }
}
