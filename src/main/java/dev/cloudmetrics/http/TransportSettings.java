package dev.cloudmetrics.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the transport is: timeouts, how many extra attempts a transient failure gets, the
 * back-off between them, and a ceiling on requests per second (0 means none).
 */
public record TransportSettings(Duration connectTimeout, Duration requestTimeout, int retries,
    Duration baseDelay, Duration maxDelay, double requestsPerSecond) {

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

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}
