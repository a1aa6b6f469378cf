package dev.cloudmetrics.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** A bucket start as every format prints it: ISO-8601 to the second with the zone's offset. */
final class TimeText {
  // "xxx" prints +00:00 for UTC where "XXX" would print Z; one spelling keeps the column uniform.
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private TimeText() {}

  static String of(Instant time, ZoneId zone) {
    return time.truncatedTo(ChronoUnit.SECONDS).atZone(zone).format(FORMAT);
  }
}
