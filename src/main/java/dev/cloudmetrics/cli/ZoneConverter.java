package dev.cloudmetrics.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/** Reads --tz: a region id (Asia/Shanghai), UTC, or an offset (+08:00), in any letter case (utc, asia/shanghai). */
final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
  @Override
  public ZoneId convert(String value) {
    return zone(value).or(() -> zone(value.toUpperCase(Locale.ROOT)))
        .or(() -> ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(value)).findFirst().map(ZoneId::of))
        .orElseThrow(() -> new CommandLine.TypeConversionException(
            "'" + value + "': not a time zone; use a region such as Asia/Shanghai, UTC, or an offset such as +08:00"));
  }

  private static Optional<ZoneId> zone(String id) {
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
