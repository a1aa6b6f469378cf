package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -f influx} read back by a strict reader of the line protocol. */
class InfluxFormatTest {
  private static final RowSchema PER_STREAM = GoldenSamples.CDN_PER_STREAM.schema;

  private static String render(RowSchema schema, List<Row> rows) {
    return RenderedText.of(new RenderOptions(OutputFormat.INFLUX, true, ZoneOffset.UTC), schema, rows);
  }

  @ParameterizedTest
  @EnumSource(GoldenSamples.class)
  void everyPointIsALineWithItsTagsValueAndNanoseconds(GoldenSamples sample) {
    List<InfluxLines.Point> points = InfluxLines.parse(render(sample.schema, sample.rows));

    assertEquals(sample.rows.size(), points.size());
    for (int i = 0; i < points.size(); i++) {
      Row row = sample.rows.get(i);
      InfluxLines.Point point = points.get(i);
      assertEquals("cloudmetrics_" + sample.schema.command().split(" ")[0], point.measurement());
      Map<String, String> tags = new LinkedHashMap<>();
      for (int label = 0; label < row.labels().size(); label++) {
        tags.put(sample.schema.labelColumns().get(label), row.labels().get(label));
      }
      assertEquals(tags, point.tags());
      assertEquals(Map.of(sample.schema.valueColumn(), row.value().doubleValue()), point.fields());
      long nanoseconds = row.time().getEpochSecond() * 1_000_000_000L + row.time().getNano();
      assertEquals(nanoseconds, point.timestamp().orElseThrow());
    }
  }

  @Test
  void tagsAreSortedByKey() {
    String line = render(PER_STREAM, GoldenSamples.CDN_PER_STREAM.rows.subList(0, 1));

    assertEquals(List.of("region", "stream_url"), List.copyOf(InfluxLines.parse(line).get(0).tags().keySet()));
  }

  @Test
  void nanosecondsKeepSubsecondBuckets() {
    Instant time = Instant.parse("2024-05-20T02:00:00.123456789Z");
    Row row = new Row(time, List.of("rtmp://a/live/x", "CN"), BigDecimal.ONE);

    assertTrue(render(PER_STREAM, List.of(row)).endsWith(" 1716170400123456789\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "a,b", "a=b", "C:\\streams\\", "直播 频道=一,二", "-1+cmd|' /C calc'!A0", "#hash"})
  void tagValuesSurviveEscaping(String stream) {
    Row row = new Row(Instant.EPOCH, List.of(stream, "CN"), new BigDecimal("12.50"));

    InfluxLines.Point point = InfluxLines.parse(render(PER_STREAM, List.of(row))).get(0);

    assertEquals(Map.of("stream_url", stream, "region", "CN"), point.tags());
    assertEquals(Map.of("online_users", 12.5), point.fields());
  }

  @Test
  void aLineBreakInALabelBecomesASpaceAndAnEmptyLabelIsLeftOut() {
    Row row = new Row(Instant.EPOCH, List.of("two\nlines", ""), BigDecimal.ONE);

    InfluxLines.Point point = InfluxLines.parse(render(PER_STREAM, List.of(row))).get(0);

    assertEquals(Map.of("stream_url", "two lines"), point.tags());
  }

  @Test
  void pointsAreWrittenAsTheyComeNotHeldToTheEnd() throws IOException {
    StringWriter out = new StringWriter();
    RowSink sink = Renderers.create(new RenderOptions(OutputFormat.INFLUX, true, ZoneOffset.UTC), out);

    sink.begin(PER_STREAM);
    sink.accept(GoldenSamples.CDN_PER_STREAM.rows.get(0));

    assertTrue(out.toString().startsWith("cloudmetrics_cdn,region=CN,"), out.toString());
  }

  /** The reader refuses what the line protocol refuses, so that a passing check means something. */
  @ParameterizedTest
  @ValueSource(strings = {
      "m v=1 1",                      // no final line feed
      "m,t=a b v=1 1\n",              // unescaped space in a tag value
      "m,t= v=1 1\n",                 // empty tag value
      "m v=1i 1\n",                   // integer, where we only write floats
      "m v=\"x\" 1\n",                // string field
      "m 1\n",                        // no field
      "m v=1 1.5\n",                  // bad timestamp
      "m v=1 \n",                     // trailing blank
      "#m v=1 1\n",                   // a comment, not a point
      "m,t=a\\b v=1 1\n",             // a backslash we always escape
      ",t=a v=1 1\n"})                // no measurement
  void theReaderRefusesBrokenLines(String text) {
    assertThrows(IllegalArgumentException.class, () -> InfluxLines.parse(text));
  }
}
