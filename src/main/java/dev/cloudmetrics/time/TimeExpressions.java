package dev.cloudmetrics.time;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times users type for --start and --end: ISO-8601 / RFC 3339 with or without seconds
 * and offset, {@code now}, {@code now-2h}, {@code now+5m}, {@code -30m}, or epoch seconds.
 */
public final class TimeExpressions {
  /** The forms, as error messages list them. */
  public static final String FORMS = "2024-05-20T10:00, 2024-05-20 10:00:00, 2024-05-20T10:00+08:00, "
      + "2024-05-20T10:00+0800, now, now-2h, -30m or epoch seconds";

  private static final Pattern NOW_PLUS_MINUS = Pattern.compile("now\\s*([+-])\\s*(.+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{9,11}");
  // The space users type between date and time (as in SQL and `date` output) stands for the T.
  private static final Pattern SPACED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s+(\\d)");
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral('T')
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

  private TimeExpressions() {}

  /**
   * The instant the text means. Times without an offset are wall-clock times in {@code zone}; a
   * date alone is its midnight and a time alone ({@code 10:00}) is today's, both in {@code zone}.
   *
   * @throws IllegalArgumentException with a short reason when the text is none of the forms
   */
  public static Instant parse(String text, ZoneId zone, Instant now) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("empty time");
    }
    try {
      if (trimmed.equalsIgnoreCase("now")) {
        return now;
      }
      Matcher relative = NOW_PLUS_MINUS.matcher(trimmed);
      if (relative.matches()) {
        Duration offset = Durations.parse(relative.group(2));
        return relative.group(1).equals("+") ? now.plus(offset) : now.minus(offset);
      }
      if (trimmed.startsWith("-")) {
        return now.minus(Durations.parse(trimmed.substring(1)));
      }
      if (trimmed.chars().allMatch(Character::isDigit)) {
        if (!EPOCH_SECONDS.matcher(trimmed).matches()) {
          throw new IllegalArgumentException("epoch seconds have 9 to 11 digits (milliseconds are not accepted)");
        }
        return Instant.ofEpochSecond(Long.parseLong(trimmed));
      }
      return absolute(trimmed, zone, now);
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("out of range");
    }
  }

  /** True when the text is relative to now ({@code now}, {@code now-2h}, {@code -30m}), so it moves with every run. */
  public static boolean isRelative(String text) {
    String trimmed = text.strip().toLowerCase(Locale.ROOT);
    return trimmed.startsWith("now") || trimmed.startsWith("-");
  }

  /** A time as messages show it, e.g. {@code 2024-05-20T10:00:00+08:00} in {@code zone}. */
  public static String format(Instant instant, ZoneId zone) {
    return instant.atZone(zone).format(DISPLAY);
  }

  private static Instant absolute(String text, ZoneId zone, Instant now) {
    String iso = SPACED.matcher(text).replaceFirst("$1T$2");
    try {
      TemporalAccessor parsed = DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime withOffset
          ? withOffset.toInstant()
          : ((LocalDateTime) parsed).atZone(zone).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException notDate) {
        try {
          LocalDate today = now.atZone(zone).toLocalDate();
          return LocalTime.parse(iso, DateTimeFormatter.ISO_LOCAL_TIME).atDate(today).atZone(zone).toInstant();
        } catch (DateTimeParseException notTime) {
          throw new IllegalArgumentException(reason(notDateTime));
        }
      }
    }
  }

  private static String reason(DateTimeParseException e) {
    // The JDK says "Text '…' could not be parsed: Invalid value for MonthOfYear …"; keep the part after the colon.
    String message = e.getMessage();
    int colon = message.indexOf(": ");
    return colon < 0 ? "not a time" : "not a valid time (" + message.substring(colon + 2) + ")";
  }
}
