package dev.cloudmetrics.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One injected failure: its kind and, for {@link FaultKind#THROTTLED} the {@code Retry-After} it
 * asks for, for {@link FaultKind#SLOW} the delay before the answer (zero for the other kinds).
 */
public record Fault(FaultKind kind, Duration time) {
  /** What a 429 asks for when the spec does not say: the documented RTC limit refills in a second. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  /** The delay of a slow answer when the spec does not say. */
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(3);

  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(time, "time");
    switch (kind) {
      case THROTTLED -> {
        if (time.isNegative() || time.toNanos() % 1_000_000_000L != 0) {
          throw new IllegalArgumentException("Retry-After is whole seconds, 0 or more: " + time);
        }
      }
      case SLOW -> {
        if (time.isNegative() || time.isZero()) {
          throw new IllegalArgumentException("the delay of a slow answer must be positive: " + time);
        }
      }
      default -> {
        if (!time.isZero()) {
          throw new IllegalArgumentException(kind.specName() + " takes no duration: " + time);
        }
      }
    }
  }

  /** A fault of a kind with its default duration, if it has one. */
  public static Fault of(FaultKind kind) {
    return new Fault(kind, switch (kind) {
      case THROTTLED -> DEFAULT_RETRY_AFTER;
      case SLOW -> DEFAULT_DELAY;
      default -> Duration.ZERO;
    });
  }

  /** A 429 asking the client to wait {@code retryAfter} (whole seconds). */
  public static Fault throttled(Duration retryAfter) {
    return new Fault(FaultKind.THROTTLED, retryAfter);
  }

  /** The normal answer, {@code delay} late. */
  public static Fault slow(Duration delay) {
    return new Fault(FaultKind.SLOW, delay);
  }

  /** How a spec writes an entry of it, given how many requests it reaches: {@code 503=5%}, {@code slow=first2:500ms}. */
  String spec(String reach) {
    boolean timed = kind == FaultKind.THROTTLED || kind == FaultKind.SLOW;
    return kind.specName() + "=" + reach + (timed ? ":" + FaultSpec.formatDuration(time) : "");
  }
}
