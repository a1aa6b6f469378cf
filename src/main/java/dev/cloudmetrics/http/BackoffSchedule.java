package dev.cloudmetrics.http;

import java.time.Duration;

/**
 * Exponential back-off with jitter: the delay doubles per failed attempt from {@code base} up to
 * {@code max}, and each delay is shortened by up to a quarter at random (never below base) so
 * that clients that failed together do not retry together.
 */
record BackoffSchedule(Duration base, Duration max) {
  // 2^30 times any base above a nanosecond is far beyond any sensible max.
  private static final int LONGEST_SHIFT = 30;

  /** The wait after the given number of failed attempts (1 = after the first), {@code random} in [0, 1). */
  Duration delay(int failedAttempts, double random) {
    int shift = Math.min(Math.max(failedAttempts - 1, 0), LONGEST_SHIFT);
    long exponential = base.toNanos() > max.toNanos() >> shift ? max.toNanos() : base.toNanos() << shift;
    long jittered = exponential - (long) (exponential * random / 4);
    return Duration.ofNanos(Math.max(base.toNanos(), jittered));
  }
}
