package dev.cloudmetrics.output;

/** How CSV and table arrange points: one row per point, or one row per time with a column per series. */
public enum Layout {
  LONG,
  WIDE;

  /** The name on the command line, e.g. {@code wide}. */
  public String id() {
    return OptionNames.id(this);
  }

  /** Reads a layout name in any letter case. */
  public static Layout parse(String text) {
    return OptionNames.parse(values(), text);
  }
}
