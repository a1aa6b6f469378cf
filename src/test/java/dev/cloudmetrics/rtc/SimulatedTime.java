package dev.cloudmetrics.rtc;

import dev.cloudmetrics.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock that moves only when the code under test sleeps on it, for the emulator and the command
 * to share: a watch over ten simulated minutes takes no real time. Sleeping up to {@code stopAt}
 * acts as Ctrl-C. {@link #onWake} runs a check at every wake-up, between two polls.
 */
public final class SimulatedTime extends Clock implements Sleeper {
  /** A check run with the time of each wake-up. */
  @FunctionalInterface
  public interface Check {
    void at(Instant now) throws Exception;
  }

  private final Instant stopAt;
  private final List<Instant> wakes = new ArrayList<>();
  private volatile Instant now;
  private Check onWake = at -> { };

  public SimulatedTime(Instant start, Instant stopAt) {
    this.now = start;
    this.stopAt = stopAt;
  }

  public SimulatedTime onWake(Check check) {
    this.onWake = check;
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock is in UTC");
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (duration.isNegative()) {
      throw new AssertionError("asked to sleep " + duration);
    }
    Instant wake = now.plus(duration);
    if (!wake.isBefore(stopAt)) {
      now = stopAt;
      throw new InterruptedException("simulated Ctrl-C");
    }
    now = wake;
    wakes.add(wake);
    try {
      onWake.at(wake);
    } catch (Exception e) {
      throw new AssertionError("check at " + wake + " failed: " + e.getMessage(), e);
    }
  }

  /** Every time a sleep ended, in order. */
  public List<Instant> wakes() {
    return List.copyOf(wakes);
  }
}
