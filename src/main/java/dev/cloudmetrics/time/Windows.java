package dev.cloudmetrics.time;

import dev.cloudmetrics.failure.InvalidInputException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves --start, --end and --last into a window: --last is the duration before --end (or now),
 * a missing --end is now, and with neither --start nor --last the command's default --last applies.
 */
public final class Windows {

  /** What can be wrong with the three flags; each API maps these to its own error code. */
  public enum Problem { MALFORMED_START, MALFORMED_END, MALFORMED_LAST, END_NOT_AFTER_START }

  /** The three flags as the user typed them (empty when not given). */
  public record Flags(Optional<String> start, Optional<String> end, Optional<String> last) {}

  /**
   * One end of a resolved window. {@code origin} names where it came from for messages (e.g.
   * {@code --start '2024-05-20T10:00'}); {@code typed} is true only for an absolute time the user
   * typed, as opposed to one derived from now or from the other bound.
   */
  public record Bound(Instant at, String origin, boolean typed) {
    public Bound withAt(Instant moved) {
      return new Bound(moved, origin, typed);
    }
  }

  /** A resolved window, its bounds still as precise as the user typed them. */
  public record Resolved(Bound start, Bound end) {
    public TimeWindow window() {
      return new TimeWindow(start.at(), end.at());
    }
  }

  private Windows() {}

  /**
   * Resolves the flags.
   *
   * @param apiCodes the API's error code for each problem, if it documents one
   * @throws InvalidInputException naming the flag, its value and the accepted forms
   */
  public static Resolved resolve(
      Flags flags, Duration defaultLast, ZoneId zone, Instant now, Function<Problem, Optional<String>> apiCodes) {
    if (flags.last().isPresent() && flags.start().isPresent()) {
      throw new InvalidInputException("--last '" + flags.last().get() + "' and --start '" + flags.start().get()
          + "' cannot be combined: give --start (and --end), or --last (optionally with --end)");
    }
    Bound end = flags.end()
        .map(text -> new Bound(time("--end", text, zone, now, apiCodes.apply(Problem.MALFORMED_END)),
            "--end '" + text + "'", !TimeExpressions.isRelative(text)))
        .orElse(new Bound(now, "--end (default: now)", false));
    Bound start;
    if (flags.start().isPresent()) {
      String text = flags.start().get();
      start = new Bound(time("--start", text, zone, now, apiCodes.apply(Problem.MALFORMED_START)),
          "--start '" + text + "'", !TimeExpressions.isRelative(text));
    } else {
      String origin = flags.last().map(text -> "--last '" + text + "'")
          .orElse("the default --last " + Durations.format(defaultLast))
          + (flags.end().isPresent() ? " before " + end.origin() : "");
      Instant at = flags.last().map(text -> before(end.at(), text, apiCodes.apply(Problem.MALFORMED_LAST)))
          .orElse(end.at().minus(defaultLast));
      start = new Bound(at, origin, false);
    }
    if (!end.at().isAfter(start.at())) {
      throw new InvalidInputException(apiCodes.apply(Problem.END_NOT_AFTER_START).orElse(null),
          end.origin() + " (" + TimeExpressions.format(end.at(), zone) + ") must be later than "
              + start.origin() + " (" + TimeExpressions.format(start.at(), zone) + ")");
    }
    return new Resolved(start, end);
  }

  private static Instant time(String flag, String text, ZoneId zone, Instant now, Optional<String> apiCode) {
    try {
      return TimeExpressions.parse(text, zone, now);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(apiCode.orElse(null),
          flag + " '" + text + "': " + e.getMessage() + "; use " + TimeExpressions.FORMS);
    }
  }

  private static Instant before(Instant end, String text, Optional<String> apiCode) {
    try {
      return end.minus(Durations.parse(text));
    } catch (ArithmeticException | DateTimeException e) {
      throw new InvalidInputException(apiCode.orElse(null), "--last '" + text + "': too long");
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(apiCode.orElse(null),
          "--last '" + text + "': " + e.getMessage() + "; use " + Durations.FORMS);
    }
  }
}
