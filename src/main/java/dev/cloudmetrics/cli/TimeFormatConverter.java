package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.TimeFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine;

/** Reads --time-format, with the list of time formats in its error. */
final class TimeFormatConverter implements CommandLine.ITypeConverter<TimeFormat> {
  @Override
  public TimeFormat convert(String value) {
    try {
      return TimeFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
    }
  }

  /** The time format names, for shell completion. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(TimeFormat.values()).map(TimeFormat::id).iterator();
    }
  }
}
