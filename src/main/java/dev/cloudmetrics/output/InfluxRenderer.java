package dev.cloudmetrics.output;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * InfluxDB line protocol, one line per point, streamed: measurement {@code cloudmetrics_<api>}, the
 * labels as tags (sorted by key, as InfluxDB prefers; empty ones left out, as it requires), the
 * value as a float field named after the value column, and the bucket start in nanoseconds.
 */
final class InfluxRenderer implements RowSink {
  private final Writer out;
  private RowSchema schema;
  private String measurement;
  private String field;
  private int[] tagOrder;

  InfluxRenderer(Writer out) {
    this.out = out;
  }

  @Override
  public void begin(RowSchema schema) {
    this.schema = schema;
    this.measurement = InfluxText.measurement("cloudmetrics_" + schema.command().split(" ", 2)[0]);
    this.field = InfluxText.key(schema.valueColumn());
    List<String> keys = schema.labelColumns();
    this.tagOrder = IntStream.range(0, keys.size()).boxed()
        .sorted(Comparator.comparing(keys::get)).mapToInt(Integer::intValue).toArray();
  }

  @Override
  public void accept(Row row) throws IOException {
    RowCells.requireFits(schema, row);
    StringBuilder line = new StringBuilder(measurement);
    for (int i : tagOrder) {
      String value = row.labels().get(i);
      if (!value.isEmpty()) {
        line.append(',').append(InfluxText.key(schema.labelColumns().get(i))).append('=').append(InfluxText.key(value));
      }
    }
    // No "i" suffix: always a float, so that 12.5 and 1234 can share the field.
    line.append(' ').append(field).append('=').append(ValueText.of(row.value()))
        .append(' ').append(nanoseconds(row.time())).append('\n');
    out.write(line.toString());
  }

  @Override
  public void end() throws IOException {
    out.flush();
  }

  private static long nanoseconds(Instant time) {
    return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
  }
}
