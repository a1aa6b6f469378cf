package dev.cloudmetrics.http;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.time.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How patient the transport is: timeouts (the request timeout bounds a whole attempt, from sending
 * to the last byte of the answer), how many extra attempts a transient failure gets, the back-off
 * between them, and a ceiling on requests per second (0 means none).
 */
public record TransportSettings(Duration connectTimeout, Duration requestTimeout, int retries,
    Duration baseDelay, Duration maxDelay, double requestsPerSecond) {

  /** Most retries --retries allows: more only prolong a failure the service is not going to end. */
  public static final int MOST_RETRIES = 10;
  /** Shortest and longest --timeout. */
  public static final Duration SHORTEST_TIMEOUT = Duration.ofSeconds(1);
  public static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);

  public TransportSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(baseDelay, "baseDelay");
    requirePositive(maxDelay, "maxDelay");
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be 0 or more: " + retries);
    }
    if (baseDelay.compareTo(maxDelay) > 0) {
      throw new IllegalArgumentException("baseDelay " + baseDelay + " exceeds maxDelay " + maxDelay);
    }
    if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be 0 (no limit) or more: " + requestsPerSecond);
    }
  }

  /** 10 s to connect, 30 s per request, 4 retries from 200 ms up to 5 s apart, no rate limit. */
  public static TransportSettings defaults() {
    return new TransportSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 4,
        Duration.ofMillis(200), Duration.ofSeconds(5), 0);
  }

  /**
   * The defaults with the user's {@code --timeout} and {@code --retries} and a rate limit; the
   * connect timeout never exceeds the whole attempt's.
   *
   * @throws InvalidInputException naming the flag, the value and the allowed range
   */
  public static TransportSettings forUser(String timeout, int retries, double requestsPerSecond) {
    Duration attempt;
    try {
      attempt = Durations.parse(timeout);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--timeout '" + timeout + "': " + e.getMessage() + "; expected " + Durations.FORMS);
    }
    if (attempt.compareTo(SHORTEST_TIMEOUT) < 0 || attempt.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new InvalidInputException("--timeout '" + timeout + "': expected from " + Durations.format(SHORTEST_TIMEOUT)
          + " to " + Durations.format(LONGEST_TIMEOUT) + " (the longest one attempt may take)");
    }
    if (retries < 0 || retries > MOST_RETRIES) {
      throw new InvalidInputException("--retries '" + retries + "': expected a whole number from 0 to " + MOST_RETRIES);
    }
    TransportSettings defaults = defaults();
    Duration connect = defaults.connectTimeout().compareTo(attempt) < 0 ? defaults.connectTimeout() : attempt;
    return new TransportSettings(connect, attempt, retries, defaults.baseDelay(), defaults.maxDelay(), requestsPerSecond);
  }

  /**
   * How long a server that never answers (or never finishes answering) keeps the tool waiting at
   * most: every attempt runs out its timeout, with the longest back-off between attempts.
   */
  public Duration worstCase() {
    BackoffSchedule backoff = new BackoffSchedule(baseDelay, maxDelay);
    Duration total = requestTimeout.multipliedBy(retries + 1L);
    for (int failed = 1; failed <= retries; failed++) {
      total = total.plus(backoff.delay(failed, 0));
    }
    return total;
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
