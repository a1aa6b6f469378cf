package dev.cloudmetrics.emulator;

import java.time.Clock;
import java.util.Objects;

/**
 * How the emulator runs: its port on 127.0.0.1 (0 picks a free one), the clock it judges
 * signatures and windows by, the RTC requests per second per key (0 turns the limit off), whether
 * CDN errors are answered in XML, and the faults it injects.
 */
public record EmulatorOptions(int port, Clock clock, double rtcRequestsPerSecond, boolean xmlErrors,
    FaultPlan faults) {

  public EmulatorOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(faults, "faults");
  }

  /** The same options without faults. */
  public EmulatorOptions(int port, Clock clock, double rtcRequestsPerSecond, boolean xmlErrors) {
    this(port, clock, rtcRequestsPerSecond, xmlErrors, FaultPlan.none());
  }

  /** A free port, the system clock, the documented RTC limit of 2 per second, JSON errors, no faults. */
  public static EmulatorOptions defaults() {
    return new EmulatorOptions(0, Clock.systemUTC(), 2, false);
  }

  /** The same options injecting {@code plan}'s faults. */
  public EmulatorOptions withFaults(FaultPlan plan) {
    return new EmulatorOptions(port, clock, rtcRequestsPerSecond, xmlErrors, plan);
  }
}
