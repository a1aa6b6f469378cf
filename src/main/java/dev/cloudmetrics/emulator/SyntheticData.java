package dev.cloudmetrics.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The emulator's data: a smooth daily curve (busiest at 21:00 Beijing time) scaled per series by
 * a hash of its names, so the same question always gets the same answer.
 */
public final class SyntheticData {
  private static final long BEIJING_OFFSET_SECONDS = 8 * 3600;
  private static final long SECONDS_PER_DAY = 86_400;
  private static final double QUIETEST_HOUR = 4;
  private static final double BUSIEST_HOUR = 21;
  /** An RTC bucket's 30 s plus the service's 20 s latency: its value is final from then on. */
  private static final long RTC_SETTLED_SECONDS = 50;

  private SyntheticData() {}

  /**
   * The value of an RTC indicator in the 30-second bucket starting at {@code bucketStart}; rooms
   * are always fewer than users.
   */
  public static long rtcValue(String appId, String indicator, Instant bucketStart) {
    return rtcValue(appId, indicator, bucketStart, Instant.MAX);
  }

  /**
   * The value as the service answers it at {@code now}: RTC data arrives about 20 s late, so a
   * bucket's value grows with the share of its 50 s (30 s bucket + 20 s latency) that has passed.
   */
  public static long rtcValue(String appId, String indicator, Instant bucketStart, Instant now) {
    long finalValue = finalRtcValue(appId, indicator, bucketStart);
    long passed = now.getEpochSecond() - Math.floorDiv(bucketStart.getEpochSecond(), 30) * 30;
    return passed >= RTC_SETTLED_SECONDS ? finalValue : Math.max(0, finalValue * passed / RTC_SETTLED_SECONDS);
  }

  private static long finalRtcValue(String appId, String indicator, Instant bucketStart) {
    long slot = Math.floorDiv(bucketStart.getEpochSecond(), 30);
    double daily = daily(slot * 30);
    long peakUsers = 300 + Math.floorMod(hash(appId), 1700);
    long users = Math.round(peakUsers * daily) + Math.floorMod(hash(appId, Long.toString(slot)), peakUsers / 20 + 1);
    return switch (indicator) {
      case "online_user_count" -> users;
      case "online_room_count" -> Math.max(1, users / (2 + Math.floorMod(hash(appId, "rooms"), 4)));
      default -> Math.round((10 + Math.floorMod(hash(appId, indicator), 990)) * daily)
          + Math.floorMod(hash(appId, indicator, Long.toString(slot)), 10);
    };
  }

  /** The peak online users of one stream in one billing region over a CDN bucket, once final. */
  public static long cdnPeak(String streamUrl, String region, Instant bucketStart, int granularityMinutes) {
    return weight(streamUrl, region) * peakShape(bucketStart, granularityMinutes, Instant.MAX);
  }

  /**
   * The same peak as the service answers it at {@code now}: CDN data arrives 3 to 8 minutes late
   * (seed 004), each minute after its own delay, so a bucket's peak grows until its last minute is in.
   */
  public static long cdnPeak(String streamUrl, String region, Instant bucketStart, int granularityMinutes,
      Instant now) {
    return weight(streamUrl, region) * peakShape(bucketStart, granularityMinutes, now);
  }

  /**
   * The peak of the sum of all streams in all regions over a CDN bucket. Every series is the
   * same shape times its own whole weight, so this is exactly the sum of their peaks.
   */
  public static long cdnMergedPeak(List<String> streamUrls, List<String> regions, Instant bucketStart,
      int granularityMinutes) {
    return cdnMergedPeak(streamUrls, regions, bucketStart, granularityMinutes, Instant.MAX);
  }

  /** The merged peak as the service answers it at {@code now} (see {@link #cdnPeak(String, String, Instant, int, Instant)}). */
  public static long cdnMergedPeak(List<String> streamUrls, List<String> regions, Instant bucketStart,
      int granularityMinutes, Instant now) {
    long weights = 0;
    for (String stream : streamUrls) {
      for (String region : regions) {
        weights += weight(stream, region);
      }
    }
    return weights * peakShape(bucketStart, granularityMinutes, now);
  }

  /** 1 to 20: how big one stream is in one region, relative to the others. */
  private static long weight(String streamUrl, String region) {
    return 1 + Math.floorMod(hash(streamUrl, region), 20);
  }

  /** The peak of the shape over the bucket's minutes whose data has arrived by {@code now}. */
  private static long peakShape(Instant bucketStart, int granularityMinutes, Instant now) {
    long firstMinute = Math.floorDiv(bucketStart.getEpochSecond(), 60);
    long peak = 0;
    for (long minute = firstMinute; minute < firstMinute + granularityMinutes; minute++) {
      if (arrived(minute, now)) {
        peak = Math.max(peak, shape(minute));
      }
    }
    return peak;
  }

  /** Whether the data of one minute has arrived at {@code now}: 3 to 8 minutes after the minute ends. */
  private static boolean arrived(long epochMinute, Instant now) {
    long delayMinutes = 3 + Math.floorMod(mix(epochMinute ^ 0x5DEECE66DL), 6);
    return (epochMinute + 1 + delayMinutes) * 60 <= now.getEpochSecond();
  }

  /** Online users per unit of weight in one minute: the daily curve plus a little common noise. */
  private static long shape(long epochMinute) {
    return 40 + Math.round(160 * daily(epochMinute * 60)) + Math.floorMod(mix(epochMinute), 9);
  }

  /**
   * 0.2 at the quietest time of day (04:00 Beijing), 1.0 at the busiest (21:00): a slow climb
   * through the day and a quicker fall through the night, smooth at both turns.
   */
  private static double daily(long epochSecond) {
    double hour = Math.floorMod(epochSecond + BEIJING_OFFSET_SECONDS, SECONDS_PER_DAY) / 3600.0;
    double rise = (hour - QUIETEST_HOUR + 24) % 24;
    double climb = BUSIEST_HOUR - QUIETEST_HOUR;
    double phase = rise < climb ? rise / climb : 1 - (rise - climb) / (24 - climb);
    return 0.2 + 0.8 * (1 - StrictMath.cos(StrictMath.PI * phase)) / 2;
  }

  /** The hash behind every value, for the catalogue's names and phases. */
  static long nameHash(String... parts) {
    return hash(parts);
  }

  // FNV-1a over the UTF-8 names (NUL-separated), then a finaliser so nearby names spread apart.
  private static long hash(String... parts) {
    long h = 0xcbf29ce484222325L;
    for (String part : parts) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        h = (h ^ (b & 0xff)) * 0x100000001b3L;
      }
      h *= 0x100000001b3L; // the NUL separator, so ("ab", "c") differs from ("a", "bc")
    }
    return mix(h);
  }

  private static long mix(long value) {
    long z = value + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
