package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The terminal chart: fits the width, colours only when asked, and redraws from the rows alone. */
class LineChartTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final RowSchema MERGED = GoldenSamples.CDN_MERGED.schema;

  /** A known series: 0, 1, …, 10 viewers, one a minute. */
  private static List<Row> ramp() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      rows.add(new Row(Instant.parse("2024-05-20T02:00:00Z").plusSeconds(60L * i), List.of(), BigDecimal.valueOf(i)));
    }
    return rows;
  }

  @Test
  void aKnownSeriesDrawsAsTheGoldenRamp() {
    Golden.assertMatches("golden/ramp.40-columns.chart", LineChart.draw(MERGED, ramp(), SHANGHAI, new Terminal(40, false)));
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80, 132, 200})
  void theAxesAndPlotFitTheTerminalWidth(int columns) {
    for (GoldenSamples sample : GoldenSamples.values()) {
      String chart = LineChart.draw(sample.schema, sample.rows, SHANGHAI, new Terminal(columns, false));

      List<String> lines = chart.lines().toList();
      int timeAxis = timeAxisLine(lines);
      for (String line : lines.subList(1, timeAxis + 2)) {
        assertTrue(DisplayWidth.of(line) <= columns, columns + " columns: '" + line + "'\n" + chart);
      }
      assertEquals(columns, DisplayWidth.of(lines.get(timeAxis)), "the time axis spans the width");
    }
  }

  @ParameterizedTest
  @EnumSource(GoldenSamples.class)
  void thereIsALegendLinePerSeriesWithItsPeak(GoldenSamples sample) {
    String chart = LineChart.draw(sample.schema, sample.rows, SHANGHAI, Terminal.PLAIN);

    long series = sample.rows.stream().map(Row::labels).distinct().count();
    assertEquals(series, chart.lines().filter(line -> line.contains("  peak ")).count(), chart);
    assertTrue(chart.startsWith(sample.schema.valueColumn() + " (cloudmetrics " + sample.schema.command() + ")\n"), chart);
    assertTrue(chart.contains("(Asia/Shanghai)"), chart);
  }

  @ParameterizedTest
  @ValueSource(ints = {24, 40, 60})
  void theChartTakesTheTerminalsHeightLeavingALineForThePrompt(int height) {
    for (GoldenSamples sample : GoldenSamples.values()) {
      String chart = LineChart.draw(sample.schema, sample.rows, SHANGHAI, new Terminal(100, height, false));

      long lines = chart.lines().count();
      // The value axis keeps to round steps, so it may take fewer rows than there are.
      assertTrue(lines <= height - 1 && lines >= height / 2, height + " rows, " + lines + " lines:\n" + chart);
    }
  }

  @Test
  void everyLineFitsANarrowTerminalTheLegendsFiguresMovingBelowTheName() {
    for (GoldenSamples sample : GoldenSamples.values()) {
      String chart = LineChart.draw(sample.schema, sample.rows, SHANGHAI, new Terminal(60, 40, false));

      // Only a series name wider than the terminal itself may not fit.
      chart.lines().filter(line -> sample.rows.stream().noneMatch(row -> !row.labels().isEmpty()
              && DisplayWidth.of(String.join(" ", row.labels())) > 50 && line.contains(String.join(" ", row.labels()))))
          .forEach(line -> assertTrue(DisplayWidth.of(line) <= 60, "'" + line + "'\n" + chart));
    }
  }

  @Test
  void theLastTimeIsLabelledWhereTheLabelBeforeItWouldCrowdIt() {
    String chart = LineChart.draw(MERGED, ramp(), SHANGHAI, new Terminal(40, false));

    String labels = chart.lines().filter(line -> line.trim().startsWith("10:00")).findFirst().orElseThrow();
    assertTrue(labels.endsWith("10:10"), chart);
  }

  @Test
  void aSeriesUnderAQuarterOfTheHighestGetsASecondAxisInsteadOfLyingFlat() {
    List<Row> rows = new ArrayList<>();
    for (int minute = 0; minute < 10; minute++) {
      Instant time = Instant.parse("2024-05-20T02:00:00Z").plusSeconds(60L * minute);
      rows.add(new Row(time, List.of("app1", "online_user_count"), BigDecimal.valueOf(340 + minute * 2)));
      rows.add(new Row(time, List.of("app1", "online_room_count"), BigDecimal.valueOf(60 + minute)));
    }
    RowSchema rtc = GoldenSamples.RTC.schema;

    String chart = LineChart.draw(rtc, rows, SHANGHAI, new Terminal(80, 30, false));

    List<String> lines = chart.lines().toList();
    long plotted = lines.stream().filter(line -> line.contains("━") || line.contains("┃")).count();
    assertTrue(plotted >= 5, "the rooms' line climbs over the plot:\n" + chart);
    assertTrue(lines.stream().anyMatch(line -> line.matches(".*├ 6\\d")), chart);
    assertEquals(1, lines.stream().filter(line -> line.contains("(right)")).count(), chart);
    assertTrue(chart.contains("app1 online_room_count (right)"), chart);
    lines.forEach(line -> assertTrue(DisplayWidth.of(line) <= 80, line));
  }

  @Test
  void twentySeriesHaveTwentyDifferentStyles() {
    List<Row> rows = new ArrayList<>();
    for (int series = 0; series < 20; series++) {
      for (int minute = 0; minute < 5; minute++) {
        rows.add(new Row(Instant.parse("2024-05-20T02:00:00Z").plusSeconds(60L * minute),
            List.of("rtmp://a/live/" + series, "CN"), BigDecimal.valueOf(series * 10L + minute)));
      }
    }
    String chart = LineChart.draw(GoldenSamples.CDN_PER_STREAM.schema, rows, SHANGHAI, new Terminal(100, false));

    long samples = chart.lines().filter(line -> line.contains(" rtmp://a/live/"))
        .map(line -> line.trim().substring(0, 3)).distinct().count();
    assertEquals(20, samples, chart);
  }

  @Test
  void colourCodesOnlyWhenTheTerminalTakesThem() {
    GoldenSamples sample = GoldenSamples.CDN_PER_STREAM;

    String plain = LineChart.draw(sample.schema, sample.rows, SHANGHAI, new Terminal(80, false));
    String coloured = LineChart.draw(sample.schema, sample.rows, SHANGHAI, new Terminal(80, true));

    assertFalse(plain.contains("\u001B"), plain);
    assertTrue(coloured.contains("\u001B[36m") && coloured.contains("\u001B[33m") && coloured.contains("\u001B[0m"));
    assertEquals(plain, coloured.replaceAll("\u001B\\[[0-9;]*m", ""));
  }

  @Test
  void redrawingIsDrawingTheRowsSoFarAgain() {
    List<Row> all = GoldenSamples.CDN_PER_STREAM.rows;
    List<Row> soFar = all.subList(0, all.size() / 2);
    RowSchema schema = GoldenSamples.CDN_PER_STREAM.schema;

    String first = LineChart.draw(schema, soFar, SHANGHAI, Terminal.PLAIN);

    assertEquals(first, LineChart.draw(schema, new ArrayList<>(soFar), SHANGHAI, Terminal.PLAIN));
    assertNotEquals(first, LineChart.draw(schema, all, SHANGHAI, Terminal.PLAIN));
  }

  @Test
  void noPointsSaySo() {
    assertEquals("online_users (cloudmetrics cdn online-users)\n(no points)\n",
        LineChart.draw(MERGED, List.of(), SHANGHAI, Terminal.PLAIN));
  }

  @Test
  void aSinglePointAndAFlatLineStillDraw() {
    Row one = ramp().get(5);

    String single = LineChart.draw(MERGED, List.of(one), SHANGHAI, Terminal.PLAIN);
    String flat = LineChart.draw(MERGED, ramp().stream().map(r -> new Row(r.time(), r.labels(), BigDecimal.TEN)).toList(),
        SHANGHAI, Terminal.PLAIN);

    assertTrue(single.contains("─"), single);
    assertTrue(flat.lines().anyMatch(line -> line.startsWith("10 ┤────")), flat);
  }

  @Test
  void aTinyTerminalStillGetsAReadablePlot() {
    String chart = LineChart.draw(MERGED, ramp(), SHANGHAI, new Terminal(5, false));

    List<String> lines = chart.lines().toList();
    String axis = lines.get(timeAxisLine(lines));
    assertEquals(10, axis.substring(axis.indexOf('└') + 1).length(), chart);
  }

  private static int timeAxisLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("└")) {
        return i;
      }
    }
    throw new AssertionError("no time axis in\n" + String.join("\n", lines));
  }
}
