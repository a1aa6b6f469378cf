package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Wide layout, byte-order mark, time formats and the formula guard, as a spreadsheet would read them. */
class SpreadsheetOutputTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static RenderOptions csv(Layout layout, TimeFormat time, boolean bom, boolean header) {
    return new RenderOptions(OutputFormat.CSV, header, SHANGHAI, layout, time, bom, false, Terminal.PLAIN);
  }

  @Test
  void wideCsvHasARowPerTimeAndAColumnPerSeriesNamedByItsLabels() throws IOException {
    GoldenSamples sample = GoldenSamples.CDN_PER_STREAM;

    List<CSVRecord> records = read(RenderedText.of(csv(Layout.WIDE, TimeFormat.ISO, false, true), sample.schema, sample.rows));

    assertEquals(List.of("time", GoldenSamples.CHINESE_STREAM + " CN", "rtmp://live.example/app/s1 HK",
        "'" + GoldenSamples.FORMULA_STREAM + " CN"), records.get(0).toList());
    assertEquals(1 + 6, records.size());
    assertEquals(List.of("2024-05-20T10:10:00+08:00", "1450", "35", ""), records.get(3).toList());
  }

  @Test
  void wideRowsAreInTimeOrderWhateverOrderThePointsCameIn() throws IOException {
    List<Row> shuffled = new ArrayList<>(GoldenSamples.CDN_MERGED.rows);
    java.util.Collections.reverse(shuffled);

    List<CSVRecord> records = read(RenderedText.of(csv(Layout.WIDE, TimeFormat.EPOCH, false, false),
        GoldenSamples.CDN_MERGED.schema, shuffled));

    assertEquals(6, records.size());
    for (int i = 1; i < records.size(); i++) {
      assertTrue(Long.parseLong(records.get(i).get(0)) > Long.parseLong(records.get(i - 1).get(0)));
    }
  }

  @Test
  void longCsvStreamsButWideCsvWaitsForTheLastPoint() throws IOException {
    for (Layout layout : Layout.values()) {
      StringWriter out = new StringWriter();
      RowSink sink = Renderers.create(csv(layout, TimeFormat.ISO, false, true), out);
      sink.begin(GoldenSamples.RTC.schema);
      GoldenSamples.RTC.rows.forEach(row -> accept(sink, row));

      assertEquals(layout == Layout.LONG, out.toString().contains("online_user_count"), layout + ": " + out);
      sink.end();
      assertTrue(out.toString().contains("online_user_count"), layout + ": " + out);
    }
  }

  @Test
  void theByteOrderMarkComesOnceBeforeEverything() {
    for (Layout layout : Layout.values()) {
      String text = RenderedText.of(csv(layout, TimeFormat.ISO, true, true), GoldenSamples.RTC.schema, GoldenSamples.RTC.rows);

      assertTrue(text.startsWith("\uFEFFtime,"), text);
      assertEquals(1, text.chars().filter(c -> c == 0xFEFF).count());
    }
    assertFalse(RenderedText.of(csv(Layout.LONG, TimeFormat.ISO, false, true), GoldenSamples.RTC.schema,
        GoldenSamples.RTC.rows).contains("\uFEFF"));
  }

  @Test
  void localTimesAreWhatSpreadsheetsReadAsDates() throws IOException {
    List<CSVRecord> records = read(RenderedText.of(csv(Layout.LONG, TimeFormat.LOCAL, false, false),
        GoldenSamples.CDN_MERGED.schema, GoldenSamples.CDN_MERGED.rows));

    assertEquals("2024-05-20 10:00:00", records.get(0).get(0));
  }

  @Test
  void theGuardChangesOnlyCsvTextAndReadsBackAsTheLabelBehindAQuote() throws IOException {
    GoldenSamples sample = GoldenSamples.RTC;
    List<CSVRecord> records = read(RenderedText.of(csv(Layout.LONG, TimeFormat.ISO, false, false), sample.schema, sample.rows));

    assertEquals("'" + GoldenSamples.FORMULA_APP, records.get(2).get(1));
    assertEquals("300", records.get(2).get(3));
    String json = RenderedText.of(new RenderOptions(OutputFormat.NDJSON, true, SHANGHAI), sample.schema, sample.rows);
    assertTrue(json.contains("\"app_id\":\"=HYPERLINK("), json);
  }

  @Test
  void negativeValuesAreNumbersNotFormulas() {
    Row negative = new Row(Instant.parse("2024-05-20T02:00:00Z"), List.of(), new BigDecimal("-5"));

    String text = RenderedText.of(csv(Layout.LONG, TimeFormat.ISO, false, false), GoldenSamples.CDN_MERGED.schema, List.of(negative));

    assertEquals("2024-05-20T10:00:00+08:00,-5\n", text);
  }

  @Test
  void aWideTableWithoutHeaderIsTheRowsAndTheSummary() {
    RenderOptions table = new RenderOptions(OutputFormat.TABLE, false, SHANGHAI, Layout.WIDE, TimeFormat.ISO, false,
        false, Terminal.PLAIN);

    List<String> lines = RenderedText.of(table, GoldenSamples.CDN_MERGED.schema, GoldenSamples.CDN_MERGED.rows).lines().toList();

    assertEquals("2024-05-20T10:00:00+08:00    3980", lines.get(0));
    assertEquals("", lines.get(6));
    assertTrue(lines.get(7).startsWith("SERIES"), lines.get(7));
  }

  @Test
  void theSummaryPeakIsTheFirstTimeTheHighestValueWasReached() {
    SeriesSummaries summaries = new SeriesSummaries(GoldenSamples.CDN_MERGED.schema);
    Instant start = Instant.parse("2024-05-20T02:00:00Z");
    String[] values = {"10", "30", "30", "20.5"};
    for (int i = values.length - 1; i >= 0; i--) {
      summaries.add(new Row(start.plusSeconds(60L * i), List.of(), new BigDecimal(values[i])));
    }

    SeriesSummary summary = summaries.summaries().get(0);

    assertEquals(new BigDecimal("30"), summary.peak());
    assertEquals(start.plusSeconds(60), summary.peakTime());
    assertEquals("22.63", summary.averageText()); // 90.5 / 4 = 22.625, one decimal more than 20.5, half up
  }

  private static void accept(RowSink sink, Row row) {
    try {
      sink.accept(row);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<CSVRecord> read(String csv) throws IOException {
    try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
      return parser.getRecords();
    }
  }
}
