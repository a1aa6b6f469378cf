package dev.cloudmetrics.output;

/**
 * What the device the output goes to can show: its width in columns, its height in rows (0 when
 * unknown) and whether it takes ANSI colour.
 */
public record Terminal(int columns, int rows, boolean colour) {
  /** The width assumed when nothing says otherwise, no known height, and no colour. */
  public static final Terminal PLAIN = new Terminal(80, false);

  public Terminal {
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be positive: " + columns);
    }
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative: " + rows);
    }
  }

  /** A terminal of unknown height. */
  public Terminal(int columns, boolean colour) {
    this(columns, 0, colour);
  }
}
