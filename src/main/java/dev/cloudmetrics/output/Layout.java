package dev.cloudmetrics.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How CSV and table arrange points: one row per point, or one row per time with a column per series. */
public enum Layout {
  LONG,
  WIDE;

  /** The name on the command line, e.g. {@code wide}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a layout name in any letter case. */
  public static Layout parse(String text) {
    for (Layout layout : values()) {
      if (layout.id().equalsIgnoreCase(text)) {
        return layout;
      }
    }
    throw new IllegalArgumentException("must be one of "
        + Arrays.stream(values()).map(Layout::id).collect(Collectors.joining(", ")));
  }
}
