package dev.cloudmetrics.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the option enums ({@link OutputFormat}, {@link Layout}, {@link TimeFormat}) are named on the command line. */
public final class OptionNames {
  private OptionNames() {}

  /** The constant's name as users type it, e.g. {@code ndjson}. */
  public static String id(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** The constant named {@code text} in any letter case, or an error listing the names. */
  public static <E extends Enum<E>> E parse(E[] values, String text) {
    for (E value : values) {
      if (id(value).equalsIgnoreCase(text)) {
        return value;
      }
    }
    throw new IllegalArgumentException("must be one of "
        + Arrays.stream(values).map(OptionNames::id).collect(Collectors.joining(", ")));
  }
}
