package dev.cloudmetrics.cdn;

import dev.cloudmetrics.time.TimeWindow;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated {@code GetLiveOnlineUserDataByStream} query. {@code window} is aligned to whole
 * minutes; {@code perStream} selects ResultType 1 (per stream and region) over 0 (merged).
 */
public record OnlineUsersQuery(
    List<String> streamUrls,
    List<BillingRegion> regions,
    Granularity granularity,
    boolean perStream,
    TimeWindow window,
    String signingRegion,
    URI endpoint) {

  public OnlineUsersQuery {
    streamUrls = List.copyOf(streamUrls);
    regions = List.copyOf(regions);
  }

  /** The same query with {@code discovered} (--top) after the streams named, each once, verbatim. */
  public OnlineUsersQuery withStreams(List<String> discovered) {
    Set<String> union = new LinkedHashSet<>(streamUrls);
    union.addAll(discovered);
    return new OnlineUsersQuery(List.copyOf(union), regions, granularity, perStream, window, signingRegion, endpoint);
  }

  /** The API's ResultType parameter. */
  public int resultType() {
    return perStream ? 1 : 0;
  }
}
