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
    // A class, not a lambda: the process's first lambda links the JDK's method-handle machinery
    // (5 ms), which the prefetch thread does meanwhile instead of the main thread.
    return new Sleeper() {
      @Override
      public void sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
          return;
        }
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
      }
    };
  }
}
