package dev.cloudmetrics.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;

/** One JSON document naming the command and its columns, with the points streamed as they come. */
final class JsonRenderer implements RowSink {
  /** Names the document's layout, so readers can tell a future change apart. */
  static final String SCHEMA_ID = "cloudmetrics/v1";

  private final RenderOptions options;
  private final JsonGenerator json;
  private RowSchema schema;

  JsonRenderer(Writer out, RenderOptions options) {
    this.options = options;
    this.json = JsonOutput.generator(out);
    // "\n" rather than the system line separator, so the output is the same on every platform.
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
  }

  @Override
  public void begin(RowSchema schema) throws IOException {
    this.schema = schema;
    json.writeStartObject();
    json.writeStringField("schema", SCHEMA_ID);
    json.writeStringField("command", schema.command());
    json.writeArrayFieldStart("columns");
    for (String column : schema.columns()) {
      json.writeString(column);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("points");
  }

  @Override
  public void accept(Row row) throws IOException {
    JsonPoint.write(json, schema, row, options.zone());
  }

  @Override
  public void end() throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.writeRaw('\n');
    json.flush();
  }
}
