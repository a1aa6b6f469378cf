package dev.cloudmetrics.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The time formats the two APIs send and expect on the wire. */
public final class ApiTimeFormats {
  /** Beijing time, the zone of the CDN API's parameters and of its bucket boundaries. */
  public static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  private static final DateTimeFormatter RFC3339_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter KSYUN_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxx");
  // What the CDN API answers with, seen both with and without seconds and with either offset spelling.
  private static final DateTimeFormatter KSYUN_LENIENT = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd'T'HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .toFormatter();

  private ApiTimeFormats() {}

  /** RFC 3339 with seconds and the given offset, e.g. {@code 2024-05-20T10:00:00+08:00} (RTC). */
  public static String rfc3339Seconds(Instant instant, ZoneOffset offset) {
    return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(offset).format(RFC3339_SECONDS);
  }

  /** Beijing time to the minute, e.g. {@code 2024-05-20T10:00+0800} (CDN); seconds are dropped. */
  public static String beijingMinutes(Instant instant) {
    return instant.atOffset(BEIJING).format(KSYUN_MINUTES);
  }

  /** Reads an RFC 3339 time with an offset, e.g. an RTC bucket's {@code Timestamp}. */
  public static Instant parseRfc3339(String text) {
    return OffsetDateTime.parse(text.trim()).toInstant();
  }

  /**
   * Reads a CDN time: {@code 2024-05-20T10:00+0800}, with optional seconds and {@code +08:00}
   * spelling; a time without an offset is Beijing time.
   */
  public static Instant parseBeijing(String text) {
    var parsed = KSYUN_LENIENT.parseBest(text.trim(), OffsetDateTime::from, java.time.LocalDateTime::from);
    if (parsed instanceof OffsetDateTime withOffset) {
      return withOffset.toInstant();
    }
    if (parsed instanceof java.time.LocalDateTime local) {
      return local.toInstant(BEIJING);
    }
    throw new DateTimeParseException("not a time", text, 0);
  }
}
