package dev.cloudmetrics.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The wait a {@code Retry-After: <seconds>} header asks for, at most a minute (the transport
 * refuses to wait longer); the HTTP-date form and nonsense are ignored (the back-off applies instead).
 */
final class RetryAfter {
  static final Duration LONGEST = Duration.ofSeconds(60);

  private RetryAfter() {}

  static Optional<Duration> of(ApiResponse response) {
    return asked(response).map(wait -> wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
  }

  /** The wait as asked, however long; a number too long for a {@code long} counts as the longest. */
  static Optional<Duration> asked(ApiResponse response) {
    return response.header("Retry-After").map(String::strip).filter(v -> v.matches("\\d+")).map(value -> {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException | ArithmeticException e) {
        return Duration.ofSeconds(Long.MAX_VALUE);
      }
    });
  }
}
