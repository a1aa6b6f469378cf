package dev.cloudmetrics.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * RFC 4180 CSV for scripts and spreadsheets: LF line ends, as shell tools expect, or CRLF for Excel. The long layout streams one line per
 * point; the wide layout holds the points until the end, as its columns depend on all of them.
 * Text cells that a spreadsheet would run as a formula are neutralised.
 */
final class CsvRenderer implements RowSink {
  private static final CSVFormat LF = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
  private static final CSVFormat CRLF = CSVFormat.RFC4180;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Writer out;
  // One record is put together here and written at once: the writer locks on every call.
  private final StringBuilder record = new StringBuilder(128);
  private final RenderOptions options;
  private final CSVFormat format;
  private RowSchema schema;
  private WideRows wide;

  CsvRenderer(Writer out, RenderOptions options) {
    this.out = out;
    this.options = options;
    this.format = options.crlf() ? CRLF : LF;
  }

  @Override
  public void begin(RowSchema schema) throws IOException {
    this.schema = schema;
    if (options.bom()) {
      out.write(BYTE_ORDER_MARK);
    }
    if (options.layout() == Layout.WIDE) {
      wide = new WideRows(schema);
    } else if (options.header()) {
      printRecord(schema.columns());
    }
  }

  @Override
  public void accept(Row row) throws IOException {
    if (wide != null) {
      wide.add(row);
    } else {
      printRecord(RowCells.of(schema, row, options.zone(), options.timeFormat()));
    }
  }

  @Override
  public void end() throws IOException {
    if (wide != null) {
      if (options.header()) {
        printRecord(wide.header());
      }
      for (List<String> cells : wide.rows(options.zone(), options.timeFormat())) {
        printRecord(cells);
      }
    }
    out.flush();
  }

  // CSVFormat's own printing rather than a CSVPrinter, whose class file refers to SpotBugs
  // annotations that are not on the class path and so fail the -Werror build.
  private void printRecord(List<String> cells) throws IOException {
    record.setLength(0);
    for (int i = 0; i < cells.size(); i++) {
      // Every cell goes through the guard: times and values never start with a formula character
      // unless they are plain numbers such as -5, which it leaves alone, so only text cells change.
      format.print(FormulaGuard.cell(cells.get(i)), record, i == 0);
    }
    format.println(record);
    out.append(record);
  }
}
