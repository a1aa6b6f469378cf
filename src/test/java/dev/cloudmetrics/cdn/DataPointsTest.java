package dev.cloudmetrics.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudmetrics.time.TimeWindow;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataPointsTest {

  @Test
  void perStreamCountsRegionsTimesStreamsTimesBuckets() {
    assertEquals(12_096, DataPoints.count(3, 2, Duration.ofDays(7), Granularity.M5, true));
    assertEquals(2 * 60, DataPoints.count(1, 2, Duration.ofHours(1), Granularity.M1, true));
  }

  @Test
  void aMergedSeriesCountsAsOneRegionAndOneStream() {
    assertEquals(2_016, DataPoints.count(3, 2, Duration.ofDays(7), Granularity.M5, false));
    assertEquals(10_080, DataPoints.count(9, 50, Duration.ofDays(7), Granularity.M1, false));
  }

  @Test
  void aPartialBucketCountsAsOne() {
    assertEquals(13, DataPoints.count(1, 1, Duration.ofMinutes(62), Granularity.M5, false));
    assertEquals(1, DataPoints.count(1, 1, Duration.ofMinutes(1), Granularity.D1, true));
  }

  @Test
  void theQueryFormCountsTheSame() {
    TimeWindow window = new TimeWindow(Instant.parse("2024-05-13T04:00:00Z"), Instant.parse("2024-05-20T04:00:00Z"));
    OnlineUsersQuery query = new OnlineUsersQuery(List.of("rtmp://a/b/c", "rtmp://a/b/d"),
        List.of(BillingRegion.CN, BillingRegion.HK, BillingRegion.AS), Granularity.M5, true, window, "cn-shanghai-1",
        URI.create("https://cdn.api.ksyun.com"));
    assertEquals(12_096, DataPoints.count(query));
  }
}
