package dev.cloudmetrics.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FinalBucketsTest {
  @Test
  void anRtcBucketIsFinalOnlyOnceItEndedMoreThanTwentySecondsAgo() {
    FinalBuckets rtc = FinalBuckets.rtc();
    Instant bucket = Instant.parse("2024-05-20T03:50:00Z");
    assertFalse(rtc.isFinal(bucket, Instant.parse("2024-05-20T03:50:50Z")));
    assertTrue(rtc.isFinal(bucket, Instant.parse("2024-05-20T03:50:51Z")));
    assertEquals(Instant.parse("2024-05-20T03:50:50Z"), rtc.finalAt(bucket));
  }

  @Test
  void aDayOfCdnIsFinalEightMinutesAfterBeijingMidnight() {
    FinalBuckets days = FinalBuckets.cdn(Duration.ofDays(1));
    Instant day = Instant.parse("2024-05-19T16:00:00Z"); // 2024-05-20 00:00 in Beijing
    assertEquals(day, days.bucketOf(Instant.parse("2024-05-20T15:59:59Z")));
    assertFalse(days.isFinal(day, Instant.parse("2024-05-20T16:08:00Z")));
    assertTrue(days.isFinal(day, Instant.parse("2024-05-20T16:08:01Z")));
  }

  @Test
  void everyBucketBeforeTheBoundaryIsFinalAndNoneFromIt() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      Duration size = Duration.ofMinutes(new int[] {1, 5, 10, 20, 60, 240, 480, 1440}[random.nextInt(8)]);
      FinalBuckets buckets = FinalBuckets.cdn(size).withLatency(Duration.ofSeconds(random.nextInt(1200)));
      Instant now = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(10_000_000), random.nextInt(1_000_000_000));
      Instant boundary = buckets.finalBefore(now);
      assertEquals(boundary, buckets.bucketOf(boundary));
      Instant last = boundary.minus(size);
      assertTrue(last.plus(size).plus(buckets.latency()).isBefore(now), "the last final bucket ended latency ago");
      assertFalse(boundary.plus(size).plus(buckets.latency()).isBefore(now), "the boundary bucket has not");
    }
  }
}
