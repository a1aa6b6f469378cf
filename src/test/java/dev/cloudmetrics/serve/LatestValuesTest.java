package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The exporter's memory: the newest final value per series, and series that stop disappear after five buckets without one. */
class LatestValuesTest {
  static final RowSchema PER_STREAM = new RowSchema("cdn online-users", List.of("stream_url", "region"), "online_users");
  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Instant T0 = Instant.parse("2024-05-20T04:00:00Z");

  static Row row(Instant time, String stream, long value) {
    return new Row(time, List.of(stream, "CN"), BigDecimal.valueOf(value));
  }

  static Map<String, Double> exposed(LatestValues latest) {
    Map<String, Double> values = new TreeMap<>();
    for (GaugeDataPointSnapshot point : ((GaugeSnapshot) latest.collect()).getDataPoints()) {
      values.put(point.getLabels().get("stream_url") + " " + point.getLabels().get("region"), point.getValue());
    }
    return values;
  }

  @Test
  void eachSeriesShowsItsNewestBucketWhateverTheOrderOfPolls() {
    Random random = new Random(13);
    for (int run = 0; run < 50; run++) {
      LatestValues latest = new LatestValues(PER_STREAM, MINUTE);
      Map<String, Double> newest = new TreeMap<>();
      Map<String, Instant> newestAt = new TreeMap<>();
      Instant finalBefore = T0.plus(MINUTE.multipliedBy(10));
      for (int poll = 0; poll < 5; poll++) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
          String stream = "rtmp://a/live/s" + random.nextInt(6);
          Instant time = finalBefore.minus(MINUTE.multipliedBy(1 + random.nextInt(4)));
          long value = random.nextInt(1000);
          rows.add(row(time, stream, value));
          String key = stream + " CN";
          if (!newestAt.containsKey(key) || !time.isBefore(newestAt.get(key))) {
            newestAt.put(key, time);
            newest.put(key, (double) value);
          }
        }
        latest.update(rows, finalBefore);
        assertEquals(newest, exposed(latest), "run " + run + ", poll " + poll);
      }
    }
  }

  @Test
  void aSeriesWithoutValuesForFiveBucketsDisappearsAndComesBackWithItsNextValue() {
    LatestValues latest = new LatestValues(PER_STREAM, MINUTE);
    latest.update(List.of(row(T0, "a", 10), row(T0, "b", 20)), T0.plus(MINUTE));
    for (int bucket = 1; bucket < LatestValues.STALE_AFTER_BUCKETS; bucket++) {
      Instant time = T0.plus(MINUTE.multipliedBy(bucket));
      latest.update(List.of(row(time, "a", 10 + bucket)), time.plus(MINUTE));
      assertEquals(Map.of("a CN", 10.0 + bucket, "b CN", 20.0), exposed(latest), "after bucket " + bucket);
    }
    // The fifth final bucket without a value for b: b is gone.
    Instant fifth = T0.plus(MINUTE.multipliedBy(LatestValues.STALE_AFTER_BUCKETS));
    latest.update(List.of(row(fifth, "a", 99)), fifth.plus(MINUTE));
    assertEquals(Map.of("a CN", 99.0), exposed(latest));
    latest.update(List.of(row(fifth.plus(MINUTE), "b", 7)), fifth.plus(MINUTE.multipliedBy(2)));
    assertEquals(Map.of("a CN", 99.0, "b CN", 7.0), exposed(latest));
    assertEquals(2, latest.rows().size());
  }
}
