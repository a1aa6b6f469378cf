package dev.cloudmetrics.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Aligned columns for a terminal: text left, the value right, padded by display width so that
 * Chinese stream names line up. Rows are held until the end, since widths depend on all of them.
 */
final class TableRenderer implements RowSink {
  private static final String GAP = "  ";

  private final Writer out;
  private final RenderOptions options;
  private final List<List<String>> lines = new ArrayList<>();
  private RowSchema schema;

  TableRenderer(Writer out, RenderOptions options) {
    this.out = out;
    this.options = options;
  }

  @Override
  public void begin(RowSchema schema) {
    this.schema = schema;
    if (options.header()) {
      lines.add(schema.columns().stream().map(column -> column.toUpperCase(Locale.ROOT)).toList());
    }
  }

  @Override
  public void accept(Row row) {
    lines.add(RowCells.of(schema, row, options.zone()));
  }

  @Override
  public void end() throws IOException {
    int[] widths = widths();
    int valueIndex = widths.length - 1;
    StringBuilder line = new StringBuilder();
    for (List<String> cells : lines) {
      line.setLength(0);
      for (int i = 0; i < cells.size(); i++) {
        String cell = cells.get(i);
        String padding = " ".repeat(widths[i] - DisplayWidth.of(cell));
        if (i > 0) {
          line.append(GAP);
        }
        if (i == valueIndex) {
          line.append(padding).append(cell);
        } else {
          line.append(cell).append(padding);
        }
      }
      out.write(line.append('\n').toString());
    }
    out.flush();
  }

  private int[] widths() {
    int[] widths = new int[schema.columns().size()];
    for (List<String> cells : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], DisplayWidth.of(cells.get(i)));
      }
    }
    return widths;
  }
}
