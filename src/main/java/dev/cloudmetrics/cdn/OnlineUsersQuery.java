package dev.cloudmetrics.cdn;

import dev.cloudmetrics.time.TimeWindow;
import java.net.URI;
import java.util.List;

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

  /** The API's ResultType parameter. */
  public int resultType() {
    return perStream ? 1 : 0;
  }
}
