package dev.cloudmetrics.discovery;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.time.Durations;
import java.time.Duration;

/** Reads {@code --discover-every}: how often a long-running mode lists its apps or streams again. */
public final class DiscoveryInterval {
  public static final Duration DEFAULT = Duration.ofMinutes(10);
  /** Listing more often than once a minute costs requests and finds nothing a minute's data would show. */
  static final Duration SHORTEST = Duration.ofMinutes(1);
  /** Streams start and end by the hour: a day-old list is stale. */
  static final Duration LONGEST = Duration.ofDays(1);

  private DiscoveryInterval() {}

  /**
   * @throws InvalidInputException naming the flag, the value and the rule
   */
  public static Duration parse(String text) {
    Duration every;
    try {
      every = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--discover-every '" + text + "': " + e.getMessage() + "; use " + Durations.FORMS);
    }
    if (every.compareTo(SHORTEST) < 0 || every.compareTo(LONGEST) > 0) {
      throw new InvalidInputException("--discover-every '" + text + "': from " + Durations.format(SHORTEST) + " to "
          + Durations.format(LONGEST) + " (default " + Durations.format(DEFAULT) + ")");
    }
    return every;
  }
}
