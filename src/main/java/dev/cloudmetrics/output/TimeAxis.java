package dev.cloudmetrics.output;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The time axis of a chart, {@code width} columns from the first bucket to the last: where a time
 * falls, and ticks at round times in the zone (every 30 s up to every 7 days), as far apart as
 * their labels need.
 */
final class TimeAxis {
  private static final long[] INTERVALS = {
      30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800};
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY_AND_MINUTES = DateTimeFormatter.ofPattern("MM-dd HH:mm");
  private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MM-dd");
  private static final DateTimeFormatter RANGE_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
  private static final DateTimeFormatter RANGE_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  /** A tick: its column on the axis and its label, which starts at that column. */
  record Tick(int column, String label) {}

  private final Instant from;
  private final Instant to;
  private final int width;
  private final ZoneId zone;

  TimeAxis(Instant from, Instant to, int width, ZoneId zone) {
    this.from = from;
    this.to = to;
    this.width = width;
    this.zone = zone;
  }

  int columnOf(Instant time) {
    long span = Duration.between(from, to).getSeconds();
    if (span == 0) {
      return 0;
    }
    return (int) Math.round((double) Duration.between(from, time).getSeconds() * (width - 1) / span);
  }

  List<Tick> ticks() {
    long span = Duration.between(from, to).getSeconds();
    for (long interval : INTERVALS) {
      DateTimeFormatter format = labelFormat(interval);
      int labelWidth = ZonedDateTime.ofInstant(from, zone).format(format).length();
      if (span == 0 || (double) interval * (width - 1) / span >= labelWidth + 2 || interval == INTERVALS[INTERVALS.length - 1]) {
        return ticksEvery(interval, format);
      }
    }
    throw new IllegalStateException("unreachable: the last interval always fits");
  }

  /** The whole range in the zone, e.g. {@code 2024-05-20 10:00 to 11:00 (Asia/Shanghai)}; the date once when it is one day. */
  String range() {
    String end = at(to);
    String start = at(from);
    boolean oneDay = start.substring(0, 10).equals(end.substring(0, 10));
    return start + " to " + (oneDay ? end.substring(11) : end) + " (" + zone.getId() + ")";
  }

  /** One time in the format of {@link #range()}, e.g. {@code 2024-05-20 10:05}. */
  String at(Instant time) {
    boolean seconds = from.getEpochSecond() % 60 != 0 || to.getEpochSecond() % 60 != 0;
    return ZonedDateTime.ofInstant(time, zone).format(seconds ? RANGE_SECONDS : RANGE_MINUTES);
  }

  private List<Tick> ticksEvery(long interval, DateTimeFormatter format) {
    // Round times on the local clock: shift by the offset at the start before rounding up.
    long offset = ZonedDateTime.ofInstant(from, zone).getOffset().getTotalSeconds();
    long local = from.getEpochSecond() + offset;
    long first = Math.floorDiv(local + interval - 1, interval) * interval - offset;
    List<Tick> ticks = new ArrayList<>();
    for (long second = first; second <= to.getEpochSecond(); second += interval) {
      Instant time = Instant.ofEpochSecond(second);
      ticks.add(new Tick(columnOf(time), ZonedDateTime.ofInstant(time, zone).format(format)));
    }
    return ticks;
  }

  private DateTimeFormatter labelFormat(long interval) {
    if (interval >= 86_400) {
      return DAYS;
    }
    boolean severalDays = !ZonedDateTime.ofInstant(from, zone).toLocalDate()
        .equals(ZonedDateTime.ofInstant(to, zone).toLocalDate());
    if (severalDays) {
      return DAY_AND_MINUTES;
    }
    return interval < 60 ? SECONDS : MINUTES;
  }
}
