package dev.cloudmetrics.time;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the durations users type: {@code 30s}, {@code 15m}, {@code 2h}, {@code 7d}, {@code 1h30m}. */
public final class Durations {
  /** The forms, as error messages list them. */
  public static final String FORMS = "30s, 15m, 2h, 7d, 1w or combinations such as 1h30m";

  private static final Pattern PART = Pattern.compile("(\\d+)([wdhms])");
  private static final List<Character> UNITS = List.of('w', 'd', 'h', 'm', 's');

  private Durations() {}

  /**
   * A positive duration written as numbers with units {@code w d h m s}, largest unit first, each at
   * most once; a bare number is refused because minutes and seconds would both be plausible.
   *
   * @throws IllegalArgumentException with a short reason when the text is not such a duration
   */
  public static Duration parse(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    if (trimmed.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("a unit is required (s, m, h, d or w), e.g. " + trimmed + "m");
    }
    Matcher part = PART.matcher(trimmed);
    Duration total = Duration.ZERO;
    int position = 0;
    int lastUnit = -1;
    while (position < trimmed.length()) {
      if (!part.find(position) || part.start() != position) {
        throw new IllegalArgumentException("not a duration");
      }
      int unit = UNITS.indexOf(part.group(2).charAt(0));
      if (unit <= lastUnit) {
        throw new IllegalArgumentException("units must each appear once, largest first (w, d, h, m, s)");
      }
      try {
        total = total.plus(amount(part.group(1), unit));
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException("number too large: " + part.group(1));
      }
      lastUnit = unit;
      position = part.end();
    }
    if (total.isZero()) {
      throw new IllegalArgumentException("the duration must be longer than zero");
    }
    return total;
  }

  /** The shortest spelling {@link #parse} reads back to the same whole-second duration, e.g. {@code 1h30m}. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    // Weeks are read but not written: 14d says more than 2w.
    long[] sizes = {86_400, 3_600, 60, 1};
    for (int i = 0; i < sizes.length; i++) {
      if (seconds >= sizes[i]) {
        out.append(seconds / sizes[i]).append(UNITS.get(i + 1));
        seconds %= sizes[i];
      }
    }
    return out.toString();
  }

  private static Duration amount(String digits, int unit) {
    long value = Long.parseLong(digits);
    return switch (UNITS.get(unit)) {
      case 'w' -> Duration.ofDays(Math.multiplyExact(value, 7));
      case 'd' -> Duration.ofDays(value);
      case 'h' -> Duration.ofHours(value);
      case 'm' -> Duration.ofMinutes(value);
      default -> Duration.ofSeconds(value);
    };
  }
}
