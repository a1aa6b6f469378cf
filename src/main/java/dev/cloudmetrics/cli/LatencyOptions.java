package dev.cloudmetrics.cli;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.time.Durations;
import dev.cloudmetrics.time.FinalBuckets;
import java.time.Duration;
import picocli.CommandLine.Option;

/** --latency: how long after its end a bucket is taken as final, for the runs that keep only final buckets. */
final class LatencyOptions {
  /** Longer than any documented latency by far; a larger value is a typo (a day for a minute). */
  static final Duration MOST = Duration.ofHours(6);

  @Option(names = "--latency", paramLabel = "DURATION",
      description = "A bucket is final this long after it ends (default: the API's documented data latency, "
          + "RTC 20s, CDN 8m); at most 6h.")
  String latency;

  /** The buckets with the latency given, or as they are when none was. */
  FinalBuckets applyTo(FinalBuckets buckets) {
    if (latency == null) {
      return buckets;
    }
    Duration parsed;
    try {
      parsed = Durations.parse(latency);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--latency '" + latency + "': " + e.getMessage());
    }
    if (parsed.compareTo(MOST) > 0) {
      throw new InvalidInputException("--latency '" + latency + "': at most 6h");
    }
    return buckets.withLatency(parsed);
  }
}
