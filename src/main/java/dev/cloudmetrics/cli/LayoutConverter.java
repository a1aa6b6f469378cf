package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.Layout;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine;

/** Reads --layout, with the list of layouts in its error. */
final class LayoutConverter implements CommandLine.ITypeConverter<Layout> {
  @Override
  public Layout convert(String value) {
    try {
      return Layout.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
    }
  }

  /** The layout names, for shell completion. */
  static final class Candidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Layout.values()).map(Layout::id).iterator();
    }
  }
}
