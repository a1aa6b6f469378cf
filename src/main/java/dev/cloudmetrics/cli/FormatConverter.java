package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.OutputFormat;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine;

/** Reads --format, with the list of formats in its error. */
final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
  @Override
  public OutputFormat convert(String value) {
    try {
      return OutputFormat.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
    }
  }

  /** The format names, for shell completion. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(OutputFormat.values()).map(OutputFormat::id).iterator();
    }
  }
}
