package dev.cloudmetrics.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** {@code -f chart}: holds the rows, then draws them as one {@link LineChart}. */
final class ChartRenderer implements RowSink {
  private final Writer out;
  private final RenderOptions options;
  private final List<Row> rows = new ArrayList<>();
  private RowSchema schema;

  ChartRenderer(Writer out, RenderOptions options) {
    this.out = out;
    this.options = options;
  }

  @Override
  public void begin(RowSchema schema) {
    this.schema = schema;
  }

  @Override
  public void accept(Row row) {
    RowCells.requireFits(schema, row);
    rows.add(row);
  }

  @Override
  public void end() throws IOException {
    out.write(LineChart.draw(schema, rows, options.zone(), options.terminal()));
    out.flush();
  }
}
