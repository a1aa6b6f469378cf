package dev.cloudmetrics.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Runs a renderer over rows the way the CLI does and returns what it wrote. */
public final class RenderedText {
  private RenderedText() {}

  public static String of(RenderOptions options, RowSchema schema, List<Row> rows) {
    StringWriter out = new StringWriter();
    try {
      RowSink sink = Renderers.create(options, out);
      sink.begin(schema);
      for (Row row : rows) {
        sink.accept(row);
      }
      sink.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
