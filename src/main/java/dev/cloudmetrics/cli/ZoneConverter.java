package dev.cloudmetrics.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine;

/** Reads --tz: a region id (Asia/Shanghai), UTC, or an offset (+08:00). */
final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {
  @Override
  public ZoneId convert(String value) {
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "': not a time zone; use a region such as Asia/Shanghai, UTC, or an offset such as +08:00");
    }
  }
}
