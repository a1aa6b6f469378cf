package dev.cloudmetrics.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How CSV and table print the time column: ISO-8601 with offset, local wall time, or epoch seconds. */
public enum TimeFormat {
  ISO,
  /** {@code yyyy-MM-dd HH:mm:ss} in the zone, which spreadsheets read as a date and time. */
  LOCAL,
  EPOCH;

  private static final DateTimeFormatter LOCAL_PATTERN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  /**
   * The last time printed. Rows come in time order and a per-stream export prints each bucket's
   * time once per stream and region (thousands of times): formatting it once per bucket took a
   * fifth of CSV rendering. Immutable, so threads that race on it only format again.
   */
  private static volatile Printed last;

  /** The name on the command line, e.g. {@code local}. */
  public String id() {
    return OptionNames.id(this);
  }

  /** Reads a time format name in any letter case. */
  public static TimeFormat parse(String text) {
    return OptionNames.parse(values(), text);
  }

  String format(Instant time, ZoneId zone) {
    Printed seen = last;
    if (seen != null && seen.format() == this && seen.time().equals(time) && seen.zone().equals(zone)) {
      return seen.text();
    }
    String text = switch (this) {
      case ISO -> TimeText.of(time, zone);
      case LOCAL -> time.truncatedTo(ChronoUnit.SECONDS).atZone(zone).format(LOCAL_PATTERN);
      case EPOCH -> Long.toString(time.getEpochSecond());
    };
    last = new Printed(this, time, zone, text);
    return text;
  }

  private record Printed(TimeFormat format, Instant time, ZoneId zone, String text) {}
}
