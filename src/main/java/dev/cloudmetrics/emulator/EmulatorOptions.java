package dev.cloudmetrics.emulator;

import java.time.Clock;

/**
 * How the emulator runs: its port on 127.0.0.1 (0 picks a free one), the clock it judges
 * signatures and windows by, the RTC requests per second per key (0 turns the limit off), and
 * whether CDN errors are answered in XML.
 */
public record EmulatorOptions(int port, Clock clock, double rtcRequestsPerSecond, boolean xmlErrors) {

  /** A free port, the system clock, the documented RTC limit of 2 per second, JSON errors. */
  public static EmulatorOptions defaults() {
    return new EmulatorOptions(0, Clock.systemUTC(), 2, false);
  }
}
