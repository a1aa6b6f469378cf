package dev.cloudmetrics.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Aligned columns for a terminal, in the long or the wide layout, then a summary line per series:
 * its peak, the time of the peak and its average; as wide as the terminal when its size is known. Rows are held until the end, since the widths
 * and the summary depend on all of them.
 */
final class TableRenderer implements RowSink {
  private final Writer out;
  private final RenderOptions options;
  private final boolean summary;
  private final List<List<String>> rows = new ArrayList<>();
  private RowSchema schema;
  private WideRows wide;
  private SeriesSummaries summaries;

  TableRenderer(Writer out, RenderOptions options) {
    this(out, options, true);
  }

  /** Without the summary, for the rows of one poll of a watch, which would summarise only themselves. */
  TableRenderer(Writer out, RenderOptions options, boolean summary) {
    this.out = out;
    this.options = options;
    this.summary = summary;
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
      write(aligned(table, column -> column > 0, column -> false));
    } else {
      addHeader(table, schema.columns().stream().map(column -> column.toUpperCase(Locale.ROOT)).toList());
      table.addAll(rows);
      int valueColumn = schema.columns().size() - 1;
      write(aligned(table, column -> column == valueColumn, column -> column > 0 && column < valueColumn));
    }
    if (summary) {
      writeSummary();
    }
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
    write(aligned(table, column -> column == 1 || column == 3, column -> column == 0));
  }

  /**
   * On a terminal whose size is known, the lines fit its width (long labels cut in the middle);
   * elsewhere (a file, a pipe) every cell is kept whole.
   */
  private List<String> aligned(List<List<String>> table, IntPredicate rightAligned, IntPredicate labels) {
    Terminal terminal = options.terminal();
    return AlignedColumns.lines(terminal.rows() > 0 ? AlignedColumns.fitted(table, labels, terminal.columns()) : table,
        rightAligned);
  }

  private void write(List<String> lines) throws IOException {
    for (String line : lines) {
      out.write(line);
      out.write('\n');
    }
  }
}
