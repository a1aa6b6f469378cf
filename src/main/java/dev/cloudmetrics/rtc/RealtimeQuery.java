package dev.cloudmetrics.rtc;

import dev.cloudmetrics.time.TimeWindow;
import java.net.URI;
import java.util.List;

/**
 * A validated {@code ListRealTimeOperationData} query: one request per app id over one window.
 * {@code window} is what is sent (already moved off the 60-minute edge where needed).
 */
public record RealtimeQuery(
    List<String> appIds, List<String> indicators, TimeWindow window, RtcRegion region, URI endpoint) {

  public RealtimeQuery {
    appIds = List.copyOf(appIds);
    indicators = List.copyOf(indicators);
  }
}
