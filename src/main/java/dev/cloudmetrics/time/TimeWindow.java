package dev.cloudmetrics.time;

import java.time.Duration;
import java.time.Instant;

/** A query window [start, end] as the user asked for it. */
public record TimeWindow(Instant start, Instant end) {

  public Duration span() {
    return Duration.between(start, end);
  }
}
