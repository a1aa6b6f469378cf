package dev.cloudmetrics.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * When a bucket's value stops changing: buckets of {@code size} aligned in {@code alignment}, each
 * final once it ended more than {@code latency} ago (the service's documented data latency). The
 * one rule that one-off queries, --watch, --sync and --serve all keep to.
 */
public record FinalBuckets(Duration size, ZoneOffset alignment, Duration latency) {
  /** RTC: data arrives about 20 s late (ListRealTimeOperationData's documentation). */
  public static final Duration RTC_LATENCY = Duration.ofSeconds(20);
  /** CDN: data arrives 3 to 8 minutes late (seed 004, 时效性 3-8 分钟延迟); the worst case counts. */
  public static final Duration CDN_LATENCY = Duration.ofMinutes(8);

  public FinalBuckets {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("a latency is not negative: " + latency);
    }
    Buckets.floor(Instant.EPOCH, size, alignment); // refuses a size that is not a positive whole number of seconds
  }

  /** RTC's 30-second buckets on the half minute, final 20 s after they end. */
  public static FinalBuckets rtc() {
    return new FinalBuckets(Buckets.RTC_BUCKET, ZoneOffset.UTC, RTC_LATENCY);
  }

  /** CDN buckets of {@code granularity}, aligned in Beijing time, final 8 minutes after they end. */
  public static FinalBuckets cdn(Duration granularity) {
    return new FinalBuckets(granularity, ApiTimeFormats.BEIJING, CDN_LATENCY);
  }

  /** The same buckets with another latency (--latency). */
  public FinalBuckets withLatency(Duration other) {
    return new FinalBuckets(size, alignment, other);
  }

  /** The start of the bucket that holds {@code instant}. */
  public Instant bucketOf(Instant instant) {
    return Buckets.floor(instant, size, alignment);
  }

  /**
   * The start of the first bucket that is not final at {@code now}: every bucket that starts before
   * it ended more than the latency ago.
   */
  public Instant finalBefore(Instant now) {
    return bucketOf(now.minus(latency).minusNanos(1));
  }

  /** Whether the bucket starting at {@code bucketStart} is final at {@code now}. */
  public boolean isFinal(Instant bucketStart, Instant now) {
    return bucketStart.isBefore(finalBefore(now));
  }

  /** When the bucket starting at {@code bucketStart} turns final: just after its end plus the latency. */
  public Instant finalAt(Instant bucketStart) {
    return bucketOf(bucketStart).plus(size).plus(latency);
  }
}
