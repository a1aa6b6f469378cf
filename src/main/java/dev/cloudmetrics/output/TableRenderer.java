package dev.cloudmetrics.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Aligned columns for a terminal, in the long or the wide layout, then a summary line per series:
 * its peak, the time of the peak and its average. Rows are held until the end, since the widths
 * and the summary depend on all of them.
 */
final class TableRenderer implements RowSink {
  private final Writer out;
  private final RenderOptions options;
  private final List<List<String>> rows = new ArrayList<>();
  private RowSchema schema;
  private WideRows wide;
  private SeriesSummaries summaries;

  TableRenderer(Writer out, RenderOptions options) {
    this.out = out;
    this.options = options;
  }

  @Override
  public void begin(RowSchema schema) {
    this.schema = schema;
    this.summaries = new SeriesSummaries(schema);
    if (options.layout() == Layout.WIDE) {
      wide = new WideRows(schema);
    }
  }

  @Override
  public void accept(Row row) {
    summaries.add(row);
    if (wide != null) {
      wide.add(row);
    } else {
      rows.add(RowCells.of(schema, row, options.zone(), options.timeFormat()));
    }
  }

  @Override
  public void end() throws IOException {
    List<List<String>> table = new ArrayList<>();
    if (wide != null) {
      List<String> header = new ArrayList<>(wide.header());
      // Series names are label values (stream URLs), kept as they are; only "time" is a column name.
      header.set(0, "TIME");
      addHeader(table, header);
      table.addAll(wide.rows(options.zone(), options.timeFormat()));
      write(AlignedColumns.lines(table, column -> column > 0));
    } else {
      addHeader(table, schema.columns().stream().map(column -> column.toUpperCase(Locale.ROOT)).toList());
      table.addAll(rows);
      int valueColumn = schema.columns().size() - 1;
      write(AlignedColumns.lines(table, column -> column == valueColumn));
    }
    writeSummary();
    out.flush();
  }

  private void addHeader(List<List<String>> table, List<String> header) {
    if (options.header()) {
      table.add(header);
    }
  }

  private void writeSummary() throws IOException {
    List<SeriesSummary> all = summaries.summaries();
    if (all.isEmpty()) {
      return;
    }
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("SERIES", "PEAK", "PEAK_TIME", "AVERAGE"));
    for (SeriesSummary summary : all) {
      table.add(List.of(summary.name(), ValueText.of(summary.peak()),
          options.timeFormat().format(summary.peakTime(), options.zone()), summary.averageText()));
    }
    out.write('\n');
    write(AlignedColumns.lines(table, column -> column == 1 || column == 3));
  }

  private void write(List<String> lines) throws IOException {
    for (String line : lines) {
      out.write(line);
      out.write('\n');
    }
  }
}
