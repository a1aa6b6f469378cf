package dev.cloudmetrics.output;

/** What the device the output goes to can show: its width in columns and whether it takes ANSI colour. */
public record Terminal(int columns, boolean colour) {
  /** The width assumed when nothing says otherwise, and no colour. */
  public static final Terminal PLAIN = new Terminal(80, false);

  public Terminal {
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be positive: " + columns);
    }
  }
}
