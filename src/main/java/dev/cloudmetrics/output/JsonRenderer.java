package dev.cloudmetrics.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;

/** One JSON document naming the command and its columns, with the points streamed as they come. */
final class JsonRenderer implements RowSink {
  /** Names the document's layout, so readers can tell a future change apart. */
  static final String SCHEMA_ID = "cloudmetrics/v1";

  // Two-space indent, "key": value and [] for no points, as jq and Python print JSON;
  // "\n" rather than the system line separator, so the output is the same on every platform.
  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withArrayEmptySeparator("")
          .withObjectEmptySeparator(""))
      .withObjectIndenter(INDENT)
      .withArrayIndenter(INDENT);

  private final RenderOptions options;
  private final JsonGenerator json;
  private RowSchema schema;

  JsonRenderer(Writer out, RenderOptions options) {
    this.options = options;
    this.json = JsonOutput.generator(out);
    // A fresh instance per document: the printer keeps the nesting depth.
    json.setPrettyPrinter(PRETTY.createInstance());
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
