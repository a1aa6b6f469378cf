package dev.cloudmetrics.output;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A line chart of the series in a terminal: a value axis named after the value column, a time axis
 * with round ticks in the zone, one line per series drawn in a style of its own (box characters,
 * then ASCII, then letters; a colour each when the terminal takes colour) and a legend with each
 * series' peak and average, as high and as wide as the terminal. It is a pure function of the rows, so a caller that keeps
 * the rows seen so far can redraw the chart as often as it likes.
 */
public final class LineChart {
  /** Rows of the plot at most when the terminal's height is unknown; every other one is labelled, bottom and top included. */
  static final int MAX_PLOT_ROWS = 11;
  private static final int MIN_PLOT_ROWS = 5;
  private static final BigDecimal RIGHT_AXIS_RATIO = BigDecimal.valueOf(4);
  private static final String RIGHT_AXIS = " (right)";
  // Title, time axis, its labels, the range, the blank line before the legend, and the shell's next prompt.
  private static final int FRAME_LINES = 6;
  private static final int MIN_PLOT_WIDTH = 10;
  /** Wider than any screen; COLUMNS=2147483647 would otherwise ask for a plot of gigabytes. */
  private static final int MAX_PLOT_WIDTH = 2000;
  // Horizontal, vertical, then corners: from below to the right, from the left down, from above to the right, from the left up.
  // Past these, a series is drawn with a letter of its own.
  private static final String[] STYLES = {"─│╭╮╰╯", "━┃┏┓┗┛", "═║╔╗╚╝", "-|..''", "┄┆┌┐└┘", "~:,,``", "=!++++",
      "*:****", "+|++++", "#|####", "o|oooo", "x|xxxx"};
  private static final String LETTERS = "abcdefghijklmnpqrstuvwyzABCDEFGHIJKLMNPQRSTUVWYZ";
  private static final int[] COLOURS = {36, 33, 35, 32, 34, 31};
  private static final String RESET = "\u001B[0m";

  private LineChart() {}

  /** The chart of {@code rows}, at most {@code terminal.columns()} wide where the labels allow, each line ending in a line feed. */
  public static String draw(RowSchema schema, List<Row> rows, ZoneId zone, Terminal terminal) {
    StringBuilder out = new StringBuilder();
    out.append(schema.valueColumn()).append(" (cloudmetrics ").append(schema.command()).append(")\n");
    if (rows.isEmpty()) {
      return out.append("(no points)\n").toString();
    }
    Map<List<String>, NavigableMap<Instant, BigDecimal>> series = new LinkedHashMap<>();
    SeriesSummaries summaries = new SeriesSummaries(schema);
    for (Row row : rows) {
      RowCells.requireFits(schema, row);
      series.computeIfAbsent(row.labels(), labels -> new TreeMap<>()).put(row.time(), row.value());
      summaries.add(row);
    }
    List<NavigableMap<Instant, BigDecimal>> lines = new ArrayList<>(series.values());
    boolean[] right = rightAxisSeries(lines);
    boolean twoAxes = contains(right, true);
    boolean wholeNumbers = rows.stream().allMatch(row -> row.value().stripTrailingZeros().scale() <= 0);
    ValueAxis values = valueAxis(lines, right, false, plotRows(terminal, legendLines(summaries.summaries(), terminal)),
        wholeNumbers);
    ValueAxis second = twoAxes ? valueAxis(lines, right, true, values.rows(), wholeNumbers).withRows(values.rows()) : null;
    int labelWidth = labelWidth(values);
    int secondWidth = twoAxes ? labelWidth(second) + 2 : 0;
    int width = Math.min(MAX_PLOT_WIDTH, Math.max(MIN_PLOT_WIDTH, terminal.columns() - labelWidth - 2 - secondWidth));
    Instant from = rows.stream().map(Row::time).min(Instant::compareTo).orElseThrow();
    Instant to = rows.stream().map(Row::time).max(Instant::compareTo).orElseThrow();
    TimeAxis times = new TimeAxis(from, to, width, zone);

    Plot plot = new Plot(values.rows(), width);
    for (int index = 0; index < lines.size(); index++) {
      plot.line(index, columnValues(lines.get(index), times), right[index] ? second : values);
    }
    for (int row = values.rows() - 1; row >= 0; row--) {
      boolean labelled = row % 2 == 0;
      String label = labelled ? values.label(row) : "";
      out.append(" ".repeat(labelWidth - label.length())).append(label).append(' ').append(labelled ? '┤' : '│');
      int drawn = plot.appendRow(out, row, terminal.colour());
      if (twoAxes) {
        out.append(" ".repeat(width - drawn)).append(labelled ? '├' : '│');
        if (labelled) {
          out.append(' ').append(second.label(row));
        }
      }
      out.append('\n');
    }
    appendTimeAxis(out, times, labelWidth, width, secondWidth);
    appendLegend(out, summaries.summaries(), times, terminal, twoAxes ? rightNames(schema, series, right) : Set.of());
    return out.toString();
  }

  /** As many rows as the terminal leaves beside the frame and the legend (an odd number), else the default. */
  static int plotRows(Terminal terminal, int legendLines) {
    if (terminal.rows() == 0) {
      return MAX_PLOT_ROWS;
    }
    int free = terminal.rows() - FRAME_LINES - legendLines;
    return Math.max(MIN_PLOT_ROWS, free - (free + 1) % 2);
  }

  /** The axis of the series on one side (right or left), from their lowest to their highest value. */
  private static ValueAxis valueAxis(List<NavigableMap<Instant, BigDecimal>> lines, boolean[] right, boolean side,
      int plotRows, boolean wholeNumbers) {
    BigDecimal min = null;
    BigDecimal max = null;
    for (int index = 0; index < lines.size(); index++) {
      if (right[index] == side) {
        for (BigDecimal value : lines.get(index).values()) {
          min = min == null || value.compareTo(min) < 0 ? value : min;
          max = max == null || value.compareTo(max) > 0 ? value : max;
        }
      }
    }
    return ValueAxis.fit(min, max, plotRows, wholeNumbers);
  }

  /**
   * The series drawn against a second axis on the right: those whose peak is under a quarter of the
   * highest peak (rooms ~70 beside users ~350 would otherwise lie flat along the bottom).
   */
  static boolean[] rightAxisSeries(List<NavigableMap<Instant, BigDecimal>> lines) {
    boolean[] right = new boolean[lines.size()];
    BigDecimal top = lines.stream().flatMap(line -> line.values().stream()).max(BigDecimal::compareTo).orElseThrow();
    for (int index = 0; index < lines.size(); index++) {
      BigDecimal peak = lines.get(index).values().stream().max(BigDecimal::compareTo).orElseThrow();
      right[index] = top.signum() > 0 && peak.multiply(RIGHT_AXIS_RATIO).compareTo(top) < 0;
    }
    return right;
  }

  private static boolean contains(boolean[] flags, boolean wanted) {
    for (boolean flag : flags) {
      if (flag == wanted) {
        return true;
      }
    }
    return false;
  }

  private static int labelWidth(ValueAxis axis) {
    int width = 0;
    for (int row = 0; row < axis.rows(); row += 2) {
      width = Math.max(width, axis.label(row).length());
    }
    return width;
  }

  /** The series' value in each column it spans: the peak where several points share a column, a straight line between points. */
  private static NavigableMap<Integer, Double> columnValues(NavigableMap<Instant, BigDecimal> points, TimeAxis times) {
    NavigableMap<Integer, Double> atPoints = new TreeMap<>();
    points.forEach((time, value) -> atPoints.merge(times.columnOf(time), value.doubleValue(), Math::max));
    NavigableMap<Integer, Double> columns = new TreeMap<>(atPoints);
    Map.Entry<Integer, Double> previous = null;
    for (Map.Entry<Integer, Double> next : atPoints.entrySet()) {
      if (previous != null) {
        int span = next.getKey() - previous.getKey();
        for (int column = previous.getKey() + 1; column < next.getKey(); column++) {
          double share = (double) (column - previous.getKey()) / span;
          columns.put(column, previous.getValue() + (next.getValue() - previous.getValue()) * share);
        }
      }
      previous = next;
    }
    return columns;
  }

  private static void appendTimeAxis(StringBuilder out, TimeAxis times, int labelWidth, int width, int secondWidth) {
    char[] axis = new char[width];
    Arrays.fill(axis, '─');
    char[] labels = new char[width];
    Arrays.fill(labels, ' ');
    int free = 0;
    int previousStart = -1;
    List<TimeAxis.Tick> ticks = times.ticks();
    for (int index = 0; index < ticks.size(); index++) {
      TimeAxis.Tick tick = ticks.get(index);
      axis[tick.column()] = '┬';
      // A label starts under its tick, or ends at the right edge; one that would touch the previous one is left
      // out, except the last, which tells where the chart ends: the one before it makes way.
      int start = Math.min(tick.column(), width - tick.label().length());
      boolean last = index == ticks.size() - 1;
      if (start >= 0 && start < free && last && previousStart >= 0) {
        Arrays.fill(labels, previousStart, free - 1, ' ');
        free = previousStart;
      }
      if (start >= free && start >= 0) {
        tick.label().getChars(0, tick.label().length(), labels, start);
        previousStart = start;
        free = start + tick.label().length() + 1;
      }
    }
    String indent = " ".repeat(labelWidth + 1);
    out.append(indent).append('└').append(axis);
    if (secondWidth > 0) {
      // Under the second axis: the time axis runs on to the right edge.
      out.append('┴').append("─".repeat(secondWidth - 1));
    }
    out.append('\n');
    out.append(indent).append(' ').append(new String(labels).stripTrailing()).append('\n');
    // Under the plot where it fits, from the left edge where it does not.
    String range = times.range();
    out.append(range.length() <= width ? indent + " " : "").append(range).append('\n');
  }

  /** The legend's lines: one a series, two where {@link #fits} says the figures go below the name. */
  private static int legendLines(List<SeriesSummary> summaries, Terminal terminal) {
    int lines = 0;
    for (SeriesSummary summary : summaries) {
      // The time of the peak is not known before the axis is: its longest form stands in for it.
      String figures = "peak " + ValueText.of(summary.peak()) + " at yyyy-MM-dd HH:mm:ss, average " + summary.averageText();
      lines += fits(summary, figures, terminal) ? 1 : 2;
    }
    return lines;
  }

  private static boolean fits(SeriesSummary summary, String figures, Terminal terminal) {
    return 6 + DisplayWidth.of(summary.name()) + RIGHT_AXIS.length() + 2 + figures.length() <= terminal.columns();
  }

  /** One line a series, its figures on a line of their own where the terminal is too narrow for both. */
  private static Set<String> rightNames(RowSchema schema, Map<List<String>, NavigableMap<Instant, BigDecimal>> series,
      boolean[] right) {
    Set<String> names = new HashSet<>();
    int index = 0;
    for (List<String> labels : series.keySet()) {
      if (right[index++]) {
        names.add(SeriesName.of(schema, labels));
      }
    }
    return names;
  }

  private static void appendLegend(StringBuilder out, List<SeriesSummary> summaries, TimeAxis times, Terminal terminal,
      Set<String> onTheRight) {
    out.append('\n');
    for (int index = 0; index < summaries.size(); index++) {
      SeriesSummary summary = summaries.get(index);
      String sample = String.valueOf(style(index).charAt(0)).repeat(3);
      String figures = "peak " + ValueText.of(summary.peak()) + " at " + times.at(summary.peakTime())
          + ", average " + summary.averageText();
      out.append("  ").append(terminal.colour() ? colour(index) + sample + RESET : sample)
          .append(' ').append(TerminalText.escape(summary.name())).append(onTheRight.contains(summary.name()) ? RIGHT_AXIS : "");
      out.append(fits(summary, figures, terminal) ? "  " : "\n      ").append(figures).append('\n');
    }
  }

  static String style(int series) {
    if (series < STYLES.length) {
      return STYLES[series];
    }
    char letter = LETTERS.charAt((series - STYLES.length) % LETTERS.length());
    return String.valueOf(letter).repeat(6);
  }

  static String colour(int series) {
    return "\u001B[" + COLOURS[series % COLOURS.length] + "m";
  }

  /** The plot area: a glyph and the series that drew it in every cell. */
  private static final class Plot {
    private final char[][] glyphs;
    private final int[][] owners;

    Plot(int rows, int width) {
      glyphs = new char[rows][width];
      owners = new int[rows][width];
      for (int row = 0; row < rows; row++) {
        Arrays.fill(glyphs[row], ' ');
        Arrays.fill(owners[row], -1);
      }
    }

    /** Draws one series; a later series covers an earlier one where they cross. */
    void line(int series, NavigableMap<Integer, Double> columns, ValueAxis values) {
      String style = style(series);
      for (Map.Entry<Integer, Double> entry : columns.entrySet()) {
        int column = entry.getKey();
        int here = values.rowOf(entry.getValue());
        Map.Entry<Integer, Double> next = columns.higherEntry(column);
        int there = next == null ? here : values.rowOf(next.getValue());
        if (here == there) {
          put(here, column, style.charAt(0), series);
          continue;
        }
        boolean up = there > here;
        put(here, column, style.charAt(up ? 5 : 3), series);
        put(there, column, style.charAt(up ? 2 : 4), series);
        for (int row = Math.min(here, there) + 1; row < Math.max(here, there); row++) {
          put(row, column, style.charAt(1), series);
        }
      }
    }

    /** Appends the row without its trailing blanks; returns how many cells it wrote. */
    int appendRow(StringBuilder out, int row, boolean colour) {
      int end = glyphs[row].length;
      while (end > 0 && glyphs[row][end - 1] == ' ') {
        end--;
      }
      int current = -1;
      for (int column = 0; column < end; column++) {
        int owner = owners[row][column];
        if (colour && owner != current) {
          out.append(owner < 0 ? RESET : colour(owner));
          current = owner;
        }
        out.append(glyphs[row][column]);
      }
      if (colour && current >= 0) {
        out.append(RESET);
      }
      return end;
    }

    private void put(int row, int column, char glyph, int series) {
      glyphs[row][column] = glyph;
      owners[row][column] = series;
    }
  }
}
