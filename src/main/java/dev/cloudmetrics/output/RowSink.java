package dev.cloudmetrics.output;

import java.io.IOException;

/** Receives rows in output order; a renderer writes them in one format. */
public interface RowSink {
  /** Called once before the first row. */
  void begin(RowSchema schema) throws IOException;

  void accept(Row row) throws IOException;

  /** Called once after the last row, only when the run succeeded; flushes but does not close. */
  void end() throws IOException;
}
