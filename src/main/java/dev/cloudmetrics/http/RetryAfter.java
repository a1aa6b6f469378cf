package dev.cloudmetrics.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The wait a {@code Retry-After: <seconds>} header asks for, capped at a minute; the HTTP-date
 * form and nonsense are ignored (the back-off applies instead).
 */
final class RetryAfter {
  static final Duration LONGEST = Duration.ofSeconds(60);

  private RetryAfter() {}

  static Optional<Duration> of(ApiResponse response) {
    return response.header("Retry-After").flatMap(value -> {
      try {
        long seconds = Long.parseLong(value.strip());
        return seconds >= 0 ? Optional.of(Duration.ofSeconds(Math.min(seconds, LONGEST.toSeconds()))) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }
}
