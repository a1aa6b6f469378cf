package dev.cloudmetrics.cdn;

import java.time.Duration;

/** Minutes per bucket that the API accepts (1 is documented in two places out of three; see spec.md). */
public enum Granularity {
  M1(1), M5(5), M10(10), M20(20), H1(60), H4(240), H8(480), D1(1440);

  private final int minutes;

  Granularity(int minutes) {
    this.minutes = minutes;
  }

  /** The value of the API's {@code Granularity} parameter. */
  public int minutes() {
    return minutes;
  }

  public Duration duration() {
    return Duration.ofMinutes(minutes);
  }
}
