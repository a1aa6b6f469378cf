package dev.cloudmetrics.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;

/** One point as a JSON object keyed by column name, shared by the JSON and NDJSON formats. */
final class JsonPoint {
  private JsonPoint() {}

  static void write(JsonGenerator json, RowSchema schema, Row row, ZoneId zone) throws IOException {
    List<String> columns = schema.columns();
    List<String> cells = RowCells.of(schema, row, zone);
    int valueIndex = cells.size() - 1;
    json.writeStartObject();
    for (int i = 0; i < valueIndex; i++) {
      json.writeStringField(columns.get(i), cells.get(i));
    }
    json.writeFieldName(columns.get(valueIndex));
    // The value's own text as a number, so 12.50 is not turned into a double and back.
    json.writeNumber(cells.get(valueIndex));
    json.writeEndObject();
  }
}
