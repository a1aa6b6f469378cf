package dev.cloudmetrics.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;

/** Newline-delimited JSON: one compact object per point, for jq and log pipelines. */
final class NdjsonRenderer implements RowSink {
  private final RenderOptions options;
  private final JsonGenerator json;
  private RowSchema schema;

  NdjsonRenderer(Writer out, RenderOptions options) {
    this.options = options;
    this.json = JsonOutput.generator(out);
    // Each object ends with its own newline instead of Jackson's space between root values.
    json.setRootValueSeparator(null);
  }

  @Override
  public void begin(RowSchema schema) {
    this.schema = schema;
  }

  @Override
  public void accept(Row row) throws IOException {
    JsonPoint.write(json, schema, row, options.zone());
    json.writeRaw('\n');
  }

  @Override
  public void end() throws IOException {
    json.flush();
  }
}
