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
