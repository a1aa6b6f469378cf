package dev.cloudmetrics.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BucketsTest {
  static final ZoneOffset BEIJING = ApiTimeFormats.BEIJING;
  static final List<Duration> CDN_SIZES = List.of(1, 5, 10, 20, 60, 240, 480, 1440).stream()
      .map(Duration::ofMinutes).toList();

  @Test
  void aDayBucketStartsAtBeijingMidnight() {
    // spec.md §3: a 09:14 Beijing start lies in the bucket of 2016-09-18T00:00+0800.
    Instant start = ApiTimeFormats.parseBeijing("2016-09-18T09:14+0800");
    assertEquals(ApiTimeFormats.parseBeijing("2016-09-18T00:00+0800"), Buckets.floor(start, Duration.ofDays(1), BEIJING));
    assertEquals(Instant.parse("2016-09-18T00:00:00Z"), Buckets.floor(start, Duration.ofDays(1), ZoneOffset.UTC));
  }

  @Test
  void eightHourBucketsStartAtMidnightEightAndSixteenBeijingTime() {
    Instant at = ApiTimeFormats.parseBeijing("2024-05-20T07:59+0800");
    assertEquals(ApiTimeFormats.parseBeijing("2024-05-20T00:00+0800"), Buckets.floor(at, Duration.ofHours(8), BEIJING));
    assertEquals(ApiTimeFormats.parseBeijing("2024-05-20T08:00+0800"),
        Buckets.floor(at.plusSeconds(60), Duration.ofHours(8), BEIJING));
  }

  @Test
  void theDocumentedDayWindowTouchesTwoBuckets() {
    TimeWindow window = new TimeWindow(ApiTimeFormats.parseBeijing("2016-09-18T09:14+0800"),
        ApiTimeFormats.parseBeijing("2016-09-19T10:20+0800"));
    assertEquals(List.of(ApiTimeFormats.parseBeijing("2016-09-18T00:00+0800"), ApiTimeFormats.parseBeijing("2016-09-19T00:00+0800")),
        Buckets.touched(window, Duration.ofDays(1), BEIJING));
  }

  @Test
  void theDocumentedRtcMinuteTouchesThreeHalfMinuteBuckets() {
    TimeWindow window = new TimeWindow(Instant.parse("2021-07-23T16:00:00Z"), Instant.parse("2021-07-23T16:01:00Z"));
    assertEquals(List.of(Instant.parse("2021-07-23T16:00:00Z"), Instant.parse("2021-07-23T16:00:30Z"),
        Instant.parse("2021-07-23T16:01:00Z")), Buckets.touched(window, Buckets.RTC_BUCKET, ZoneOffset.UTC));
  }

  @Test
  void rtcBucketsStartOnTheHalfMinute() {
    assertEquals(Instant.parse("2024-05-20T03:59:30Z"), Buckets.rtcBucket(Instant.parse("2024-05-20T03:59:59.999Z")));
    assertEquals(Instant.parse("2024-05-20T04:00:00Z"), Buckets.rtcBucket(Instant.parse("2024-05-20T04:00:00Z")));
    assertEquals(Instant.parse("2024-05-20T04:00:00Z"), Buckets.rtcBucket(Instant.parse("2024-05-20T04:00:29Z")));
  }

  @Test
  void floorIsIdempotentNotLaterThanItsInputLessThanOneBucketEarlierAndAlignedInBeijingTime() {
    Random random = new Random(42);
    for (int i = 0; i < 5000; i++) {
      Instant instant = Instant.ofEpochSecond((long) (random.nextDouble() * 4_000_000_000L) - 1_000_000_000L,
          random.nextInt(1_000_000_000));
      Duration size = CDN_SIZES.get(random.nextInt(CDN_SIZES.size()));
      Instant floor = Buckets.floor(instant, size, BEIJING);

      assertEquals(floor, Buckets.floor(floor, size, BEIJING));
      assertFalse(floor.isAfter(instant));
      assertTrue(instant.isBefore(floor.plus(size)));
      assertTrue(Buckets.isAligned(floor, size, BEIJING));
      assertEquals(0, floor.atOffset(BEIJING).toLocalTime().toSecondOfDay() % size.getSeconds(), floor.toString());
    }
  }

  @Test
  void touchedBucketsCoverTheWindowWithoutGapsOrRepeats() {
    Random random = new Random(5);
    for (int i = 0; i < 1000; i++) {
      Instant start = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(10_000_000));
      Instant end = start.plusSeconds(1 + random.nextInt(7 * 86_400));
      Duration size = CDN_SIZES.get(random.nextInt(CDN_SIZES.size()));
      List<Instant> buckets = Buckets.touched(new TimeWindow(start, end), size, BEIJING);

      assertEquals(Buckets.floor(start, size, BEIJING), buckets.get(0));
      assertEquals(Buckets.floor(end, size, BEIJING), buckets.get(buckets.size() - 1));
      for (int b = 1; b < buckets.size(); b++) {
        assertEquals(size, Duration.between(buckets.get(b - 1), buckets.get(b)));
      }
    }
  }

  @Test
  void aBucketMustBeWholePositiveSeconds() {
    Instant now = Instant.parse("2024-05-20T04:00:00Z");
    assertThrows(IllegalArgumentException.class, () -> Buckets.floor(now, Duration.ZERO, BEIJING));
    assertThrows(IllegalArgumentException.class, () -> Buckets.floor(now, Duration.ofMillis(1500), BEIJING));
    assertThrows(IllegalArgumentException.class, () -> Buckets.floor(now, Duration.ofMinutes(-5), BEIJING));
  }
}
