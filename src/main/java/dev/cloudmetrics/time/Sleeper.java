package dev.cloudmetrics.time;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits a while; tests hand in one that moves a test clock instead, so that no test waits in real time. */
@FunctionalInterface
public interface Sleeper {
  /** Returns after {@code duration} (at once when it is zero or negative), or throws when interrupted. */
  void sleep(Duration duration) throws InterruptedException;

  /** The thread really sleeps. */
  static Sleeper real() {
    return duration -> {
      if (duration.isNegative() || duration.isZero()) {
        return;
      }
      TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    };
  }
}
