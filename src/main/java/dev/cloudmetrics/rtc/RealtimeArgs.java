package dev.cloudmetrics.rtc;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The options of {@code rtc list-realtime} as the user typed them, before any check. */
public record RealtimeArgs(
    List<String> appIds,
    List<String> indicators,
    Optional<String> start,
    Optional<String> end,
    Optional<String> last,
    String region,
    Optional<String> endpoint,
    ZoneId zone,
    boolean includeIncomplete,
    boolean watch,
    String interval,
    String rate) {

  public RealtimeArgs {
    appIds = List.copyOf(appIds);
    indicators = List.copyOf(indicators);
  }
}
