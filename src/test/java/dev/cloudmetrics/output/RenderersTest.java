package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RenderersTest {
  private static final RowSchema RTC = new RowSchema("rtc list-realtime", List.of("app_id", "indicator"), "value");

  private static RenderOptions options(OutputFormat format, boolean header) {
    return new RenderOptions(format, header, ZoneOffset.UTC);
  }

  @Test
  void csvWithoutHeaderIsJustTheRowsForAppending() {
    String csv = RenderedText.of(options(OutputFormat.CSV, false), SampleRows.SCHEMA, SampleRows.ROWS.subList(0, 2));

    assertEquals("2024-05-20T02:00:00+00:00,rtmp://直播.example/live/频道一,CN,1234\n"
        + "2024-05-20T02:00:00+00:00,rtmp://live.example/app/s1,HK,12.50\n", csv);
  }

  @Test
  void csvQuotesLabelsThatHoldCommasOrQuotes() {
    Row row = new Row(SampleRows.ROWS.get(0).time(), List.of("app,1", "say \"hi\""), SampleRows.ROWS.get(0).value());

    String csv = RenderedText.of(options(OutputFormat.CSV, false), RTC, List.of(row));

    assertEquals("2024-05-20T02:00:00+00:00,\"app,1\",\"say \"\"hi\"\"\",1234\n", csv);
  }

  @Test
  void csvOfNoRowsIsTheHeaderAlone() {
    assertEquals("time,app_id,indicator,value\n", RenderedText.of(options(OutputFormat.CSV, true), RTC, List.of()));
  }

  @Test
  void jsonOfNoRowsIsAValidDocumentWithNoPoints() throws IOException {
    String json = RenderedText.of(options(OutputFormat.JSON, true), RTC, List.of());

    JsonNode doc = new ObjectMapper().readTree(json);
    assertEquals("cloudmetrics/v1", doc.get("schema").asText());
    assertEquals("rtc list-realtime", doc.get("command").asText());
    assertEquals("[\"time\",\"app_id\",\"indicator\",\"value\"]", doc.get("columns").toString());
    assertTrue(doc.get("points").isArray());
    assertEquals(0, doc.get("points").size());
    assertTrue(json.endsWith("}\n"), json);
  }

  @Test
  void jsonValuesAreNumbersWithTheApisDigits() throws IOException {
    String json = RenderedText.of(options(OutputFormat.JSON, true), SampleRows.SCHEMA, SampleRows.ROWS);

    JsonNode point = new ObjectMapper().readTree(json).get("points").get(1);
    assertTrue(point.get("online_users").isNumber());
    assertTrue(json.contains("\"online_users\": 12.50"), json);
  }

  @Test
  void ndjsonOfNoRowsIsEmpty() {
    assertEquals("", RenderedText.of(options(OutputFormat.NDJSON, true), RTC, List.of()));
  }

  @Test
  void ndjsonLinesAreEachAJsonObject() throws IOException {
    String ndjson = RenderedText.of(options(OutputFormat.NDJSON, true), SampleRows.SCHEMA, SampleRows.ROWS);

    ObjectMapper mapper = new ObjectMapper();
    for (String line : ndjson.split("\n")) {
      assertEquals(SampleRows.SCHEMA.columns(), namesOf(mapper.readTree(line).fieldNames()));
    }
  }

  @Test
  void tableOfNoRowsIsTheHeaderLine() {
    assertEquals("TIME  APP_ID  INDICATOR  VALUE\n", RenderedText.of(options(OutputFormat.TABLE, true), RTC, List.of()));
  }

  @Test
  void tableWithoutHeaderStartsWithTheFirstRow() {
    String table = RenderedText.of(options(OutputFormat.TABLE, false), SampleRows.SCHEMA, SampleRows.ROWS);

    assertTrue(table.startsWith("2024-05-20T02:00:00+00:00  rtmp://直播.example/live/频道一  CN  "), table);
    assertEquals(SampleRows.ROWS.size(), table.lines().takeWhile(line -> !line.isEmpty()).count());
  }

  @Test
  void tableLinesHaveTheSameDisplayWidthEvenWithChineseLabels() {
    String table = RenderedText.of(options(OutputFormat.TABLE, true), SampleRows.SCHEMA, SampleRows.ROWS);

    List<String> lines = table.lines().takeWhile(line -> !line.isEmpty()).toList();
    assertEquals(1, lines.stream().map(DisplayWidth::of).distinct().count(), table);
    // Padding by String.length() would have made the Chinese row as long in chars as the others.
    assertTrue(lines.get(1).length() < lines.get(2).length(), table);
    assertTrue(lines.stream().noneMatch(line -> line.endsWith(" ")), table);
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void endFlushesButNeverClosesTheWriter(OutputFormat format) throws IOException {
    ClosingWatch target = new ClosingWatch();
    BufferedWriter buffered = new BufferedWriter(target);
    RowSink sink = Renderers.create(options(format, true), buffered);

    sink.begin(SampleRows.SCHEMA);
    sink.accept(SampleRows.ROWS.get(0));
    sink.end();

    assertTrue(target.toString().contains("1234"), target.toString());
    assertFalse(target.closed);
    buffered.write("after");
    buffered.flush();
    assertTrue(target.toString().endsWith("after"));
  }

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = {"JSON", "NDJSON"})
  void jsonFormatsStreamPointsBeforeTheEnd(OutputFormat format) throws IOException {
    StringWriter out = new StringWriter();
    RowSink sink = Renderers.create(options(format, true), out);

    sink.begin(SampleRows.SCHEMA);
    for (int i = 0; i < 1000; i++) {
      sink.accept(SampleRows.ROWS.get(i % SampleRows.ROWS.size()));
    }

    assertTrue(out.toString().contains(SampleRows.CHINESE_STREAM), "nothing written before end()");
  }

  @Test
  void aRowWhoseLabelsDoNotFitTheSchemaIsRefused() throws IOException {
    RowSink sink = Renderers.create(options(OutputFormat.CSV, true), new StringWriter());
    sink.begin(RTC);

    Row oneLabel = new Row(SampleRows.ROWS.get(0).time(), List.of("app1"), BigDecimal.ONE);

    assertThrows(IllegalArgumentException.class, () -> sink.accept(oneLabel));
  }

  private static List<String> namesOf(Iterator<String> fieldNames) {
    List<String> names = new ArrayList<>();
    fieldNames.forEachRemaining(names::add);
    return names;
  }

  /** A StringWriter that remembers whether someone closed it (StringWriter itself ignores close). */
  private static final class ClosingWatch extends StringWriter {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
