package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.Terminal;
import java.util.List;
import java.util.Map;

/**
 * Which of the standard streams is a terminal, and the terminal's size (0 when unknown): the
 * progress bar asks about stderr, the default format about stdout, prompts about stdin.
 */
public record TerminalStreams(boolean stdin, boolean stdout, boolean stderr, int columns, int rows) {
  /** No terminal anywhere: cron, pipes, tests. */
  static final TerminalStreams NONE = new TerminalStreams(false, false, false, 0, 0);

  /** Every stream on a terminal of unknown size. */
  static final TerminalStreams ALL = new TerminalStreams(true, true, true, 0, 0);

  /** Set by the launcher, which can ask the shell ({@code [ -t 1 ]}, {@code stty size}) what JDK 17 cannot. */
  static final String STREAMS_PROPERTY = "cloudmetrics.terminal";
  static final String SIZE_PROPERTY = "cloudmetrics.terminal.size";

  /**
   * What the launcher found ({@code in,out,err} and {@code ROWS COLUMNS}); run without it
   * ({@code java -jar}), the JVM's console stands for all three streams.
   */
  static TerminalStreams of(String streams, String size, boolean console) {
    if (streams == null) {
      return console ? ALL : NONE;
    }
    List<String> names = List.of(streams.split(","));
    int rows = 0;
    int columns = 0;
    if (size != null) {
      String[] parts = size.trim().split("\\s+");
      if (parts.length == 2) {
        rows = positive(parts[0]);
        columns = positive(parts[1]);
      }
    }
    return new TerminalStreams(names.contains("in"), names.contains("out"), names.contains("err"), columns, rows);
  }

  static TerminalStreams system() {
    return of(System.getProperty(STREAMS_PROPERTY), System.getProperty(SIZE_PROPERTY), System.console() != null);
  }

  /** A count from the environment or the launcher; 0 (unknown) when it is not a positive number. */
  static int positive(String text) {
    try {
      return Math.max(0, Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The display output is drawn for: COLUMNS and LINES when set (bash does not export them, so
   * they are overrides), else the terminal's size, else 80 columns of unknown height.
   */
  Terminal display(Map<String, String> variables, boolean colour) {
    int wide = positive(variables.getOrDefault("COLUMNS", ""));
    int high = positive(variables.getOrDefault("LINES", ""));
    return new Terminal(wide > 0 ? wide : columns > 0 ? columns : Terminal.PLAIN.columns(), high > 0 ? high : rows, colour);
  }
}
