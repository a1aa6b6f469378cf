package dev.cloudmetrics.rtc;

import dev.cloudmetrics.time.TimeWindow;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code ListRealTimeOperationData} query: one request per app id over one window.
 * {@code window} is what is sent (already moved off the 60-minute edge where needed); buckets
 * starting at or after {@code completeBefore} are still incomplete and left out of the rows
 * (empty: --include-incomplete keeps them).
 */
public record RealtimeQuery(List<String> appIds, List<String> indicators, TimeWindow window, RtcRegion region,
    URI endpoint, Optional<Instant> completeBefore) {

  public RealtimeQuery {
    appIds = List.copyOf(appIds);
    indicators = List.copyOf(indicators);
  }

  /** The same query for other apps (those --app-id all listed). */
  public RealtimeQuery withApps(List<String> apps) {
    return new RealtimeQuery(apps, indicators, window, region, endpoint, completeBefore);
  }
}
