package dev.cloudmetrics.output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Rows of cells as text lines with aligned columns, padded by display width so that Chinese text
 * lines up; numbers right-aligned, text left-aligned, no trailing blanks.
 */
final class AlignedColumns {
  private static final String GAP = "  ";
  /** A text column is cut no narrower than this. */
  private static final int NARROWEST = 10;

  private AlignedColumns() {}

  static List<String> lines(List<List<String>> cellsAsGiven, IntPredicate rightAligned) {
    // Cells hold what a server sent (stream URLs, regions, indicator names): escaped before they are measured.
    List<List<String>> rows = cellsAsGiven.stream().map(cells -> cells.stream().map(TerminalText::escape).toList()).toList();
    int[] widths = widths(rows);
    List<String> lines = new ArrayList<>(rows.size());
    StringBuilder line = new StringBuilder();
    for (List<String> cells : rows) {
      line.setLength(0);
      for (int i = 0; i < cells.size(); i++) {
        String cell = cells.get(i);
        String padding = " ".repeat(widths[i] - DisplayWidth.of(cell));
        if (i > 0) {
          line.append(GAP);
        }
        if (rightAligned.test(i)) {
          line.append(padding).append(cell);
        } else {
          line.append(cell).append(padding);
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /**
   * The rows with the widest of the {@code cuttable} columns (labels, never times or values) cut in
   * the middle with an ellipsis until the lines fit {@code columns}, down to {@link #NARROWEST}
   * each; stream URLs keep their start and their stream name, which tell them apart.
   */
  static List<List<String>> fitted(List<List<String>> rows, IntPredicate cuttable, int columns) {
    int[] widths = widths(rows);
    int total = (widths.length - 1) * GAP.length();
    for (int width : widths) {
      total += width;
    }
    int[] limits = widths.clone();
    while (total > columns) {
      int widest = -1;
      for (int i = 0; i < limits.length; i++) {
        if (cuttable.test(i) && limits[i] > NARROWEST && (widest < 0 || limits[i] > limits[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        break;
      }
      int cut = Math.min(total - columns, limits[widest] - NARROWEST);
      limits[widest] -= cut;
      total -= cut;
    }
    List<List<String>> fitted = new ArrayList<>(rows.size());
    for (List<String> cells : rows) {
      List<String> cut = new ArrayList<>(cells.size());
      for (int i = 0; i < cells.size(); i++) {
        cut.add(elided(cells.get(i), limits[i]));
      }
      fitted.add(cut);
    }
    return fitted;
  }

  /** {@code text} in at most {@code width} columns: its start and end around an ellipsis. */
  static String elided(String text, int width) {
    if (DisplayWidth.of(text) <= width) {
      return text;
    }
    int[] points = text.codePoints().toArray();
    int keepEnd = (width - 1) / 2;
    int keepStart = width - 1 - keepEnd;
    StringBuilder start = new StringBuilder();
    int used = 0;
    int i = 0;
    for (; i < points.length && used + DisplayWidth.ofCodePoint(points[i]) <= keepStart; i++) {
      used += DisplayWidth.ofCodePoint(points[i]);
      start.appendCodePoint(points[i]);
    }
    StringBuilder end = new StringBuilder();
    used = 0;
    for (int j = points.length - 1; j >= i && used + DisplayWidth.ofCodePoint(points[j]) <= keepEnd; j--) {
      used += DisplayWidth.ofCodePoint(points[j]);
      end.insert(0, Character.toChars(points[j]));
    }
    return start + "…" + end;
  }

  private static int[] widths(List<List<String>> rows) {
    int[] widths = new int[rows.stream().mapToInt(List::size).max().orElse(0)];
    for (List<String> cells : rows) {
      for (int i = 0; i < cells.size(); i++) {
        widths[i] = Math.max(widths[i], DisplayWidth.of(cells.get(i)));
      }
    }
    return widths;
  }
}
