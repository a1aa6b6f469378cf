package dev.cloudmetrics.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** RFC 4180 CSV, one line per point, CRLF line ends, for spreadsheets and scripts. */
final class CsvRenderer implements RowSink {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private final Writer out;
  private final RenderOptions options;
  private RowSchema schema;

  CsvRenderer(Writer out, RenderOptions options) {
    this.out = out;
    this.options = options;
  }

  @Override
  public void begin(RowSchema schema) throws IOException {
    this.schema = schema;
    if (options.header()) {
      printRecord(schema.columns());
    }
  }

  @Override
  public void accept(Row row) throws IOException {
    printRecord(RowCells.of(schema, row, options.zone()));
  }

  @Override
  public void end() throws IOException {
    out.flush();
  }

  // CSVFormat's own printing rather than a CSVPrinter, whose class file refers to SpotBugs
  // annotations that are not on the class path and so fail the -Werror build.
  private void printRecord(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      FORMAT.print(cells.get(i), out, i == 0);
    }
    FORMAT.println(out);
  }
}
