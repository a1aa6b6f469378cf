package dev.cloudmetrics.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** The {@code yyyyMMdd'T'HHmmss'Z'} time both vendors sign with, and how far it may be from the service's clock. */
final class SigningTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

  private SigningTime() {}

  static Optional<Instant> parse(String text) {
    try {
      return Optional.of(Instant.from(FORMAT.parse(text.trim())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  static boolean within(Instant signed, Instant now, Duration tolerance) {
    return Duration.between(signed, now).abs().compareTo(tolerance) <= 0;
  }
}
