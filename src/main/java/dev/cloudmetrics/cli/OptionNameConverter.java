package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.OptionNames;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine;

/**
 * Reads an option whose values are the names of an enum's constants, with the names in its error,
 * and gives the same names to shell completion.
 */
abstract class OptionNameConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E>, Iterable<String> {
  private final E[] values;

  OptionNameConverter(E[] values) {
    this.values = values;
  }

  @Override
  public E convert(String value) {
    try {
      return OptionNames.parse(values, value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
    }
  }

  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(values).map(OptionNames::id).iterator();
  }
}
