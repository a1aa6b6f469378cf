package dev.cloudmetrics.output;

import java.io.IOException;

/** Receives rows in output order; a renderer writes them in one format. */
public interface RowSink {
  /** Called once before the first row. */
  void begin(RowSchema schema) throws IOException;

  void accept(Row row) throws IOException;

  /**
   * Called once after the last row: when the run succeeded, or when it stopped after some rows, so
   * that the output ends on whole records; flushes but does not close.
   */
  void end() throws IOException;
}
