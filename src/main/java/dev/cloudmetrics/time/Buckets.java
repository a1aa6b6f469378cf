package dev.cloudmetrics.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Bucket arithmetic: buckets of a fixed size aligned in a fixed offset, so that 1-day CDN buckets
 * start at Beijing midnight and RTC buckets on the half minute.
 */
public final class Buckets {
  /** The size of an RTC {@code ListRealTimeOperationData} bucket. */
  public static final Duration RTC_BUCKET = Duration.ofSeconds(30);

  private Buckets() {}

  /** The start of the bucket of {@code size} (whole seconds, positive) that contains {@code instant}. */
  public static Instant floor(Instant instant, Duration size, ZoneOffset alignment) {
    long length = seconds(size);
    long local = instant.getEpochSecond() + alignment.getTotalSeconds();
    return Instant.ofEpochSecond(instant.getEpochSecond() - Math.floorMod(local, length));
  }

  /** Whether {@code instant} is the start of a bucket. */
  public static boolean isAligned(Instant instant, Duration size, ZoneOffset alignment) {
    return floor(instant, size, alignment).equals(instant);
  }

  /** The start of the 30-second RTC bucket that contains {@code instant}. */
  public static Instant rtcBucket(Instant instant) {
    return floor(instant, RTC_BUCKET, ZoneOffset.UTC);
  }

  /**
   * The starts of every bucket the window touches, from the one containing its start up to and
   * including the one containing its end: what both APIs return for that window.
   */
  public static List<Instant> touched(TimeWindow window, Duration size, ZoneOffset alignment) {
    List<Instant> starts = new ArrayList<>();
    Instant last = floor(window.end(), size, alignment);
    for (Instant at = floor(window.start(), size, alignment); !at.isAfter(last); at = at.plus(size)) {
      starts.add(at);
    }
    return starts;
  }

  private static long seconds(Duration size) {
    if (size.isNegative() || size.isZero() || size.getNano() != 0) {
      throw new IllegalArgumentException("a bucket is a positive whole number of seconds: " + size);
    }
    return size.getSeconds();
  }
}
