package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartAxesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @ParameterizedTest(name = "{0}..{1} -> {2}")
  @CsvSource({
      "0, 10, 0|2|4|6|8|10",
      "0, 4140, 0|1000|2000|3000|4000|5000",
      "3980, 4140, 3980|4020|4060|4100|4140",
      "12.5, 13.1, 12.5|12.7|12.9|13.1",
      "0, 0, 0|2",
      "0, 250000, 0|50k|100k|150k|200k|250k",
      "0, 12000000, 0|4M|8M|12M",
      "-30, 10, -30|-20|-10|0|10"})
  void labelsAreRoundNumbersEveryOtherRowUpToTheHighestValue(String min, String max, String labels) {
    boolean whole = !min.contains(".") && !max.contains(".");
    ValueAxis axis = ValueAxis.fit(new BigDecimal(min), new BigDecimal(max), 11, whole);

    String actual = String.join("|", IntStream.range(0, (axis.rows() + 1) / 2).mapToObj(i -> axis.label(2 * i)).toList());

    assertEquals(labels, actual);
  }

  @Test
  void everyValueHasARowOnTheAxis() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      double low = random.nextInt(100_000) - 50_000;
      double high = low + random.nextInt(100_000);
      ValueAxis axis = ValueAxis.fit(BigDecimal.valueOf((long) low), BigDecimal.valueOf((long) high), 11, true);
      double top = Double.parseDouble(plain(axis, axis.rows() - 1));
      double bottom = Double.parseDouble(plain(axis, 0));

      assertTrue(bottom <= low && top >= high, low + ".." + high + " on " + bottom + ".." + top);
      assertTrue(axis.rows() % 2 == 1 && axis.rows() >= 3 && axis.rows() <= 11, "rows: " + axis.rows());
    }
  }

  @Test
  void ticksFallOnRoundLocalTimesAsFarApartAsTheLabelsNeed() {
    Instant from = Instant.parse("2024-05-20T01:53:00Z"); // 09:53 in Shanghai
    TimeAxis axis = new TimeAxis(from, from.plusSeconds(2 * 3600), 74, SHANGHAI);

    List<TimeAxis.Tick> ticks = axis.ticks();

    assertEquals(List.of("10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "11:30", "11:45"),
        ticks.stream().map(TimeAxis.Tick::label).toList());
    for (int i = 1; i < ticks.size(); i++) {
      assertTrue(ticks.get(i).column() - ticks.get(i - 1).column() >= "10:00".length() + 2);
    }
    assertEquals("2024-05-20 09:53 to 11:53 (Asia/Shanghai)", axis.range());
  }

  @Test
  void aRangeOverMidnightShowsTheDateInTheLabels() {
    Instant from = Instant.parse("2024-05-20T12:00:00Z"); // 20:00 in Shanghai
    TimeAxis axis = new TimeAxis(from, from.plusSeconds(86_400), 74, SHANGHAI);

    assertEquals(List.of("05-21 00:00", "05-21 06:00", "05-21 12:00", "05-21 18:00"),
        axis.ticks().stream().map(TimeAxis.Tick::label).toList());
    assertEquals("2024-05-20 20:00 to 2024-05-21 20:00 (Asia/Shanghai)", axis.range());
  }

  @Test
  void daysAreTicksOfTheirOwnOverLongerRanges() {
    Instant from = Instant.parse("2024-05-20T00:00:00Z");

    List<TimeAxis.Tick> ticks = new TimeAxis(from, from.plusSeconds(3 * 86_400), 74, SHANGHAI).ticks();

    assertEquals(List.of("05-21", "05-22", "05-23"), ticks.stream().map(TimeAxis.Tick::label).toList());
    assertEquals(0, new TimeAxis(from, from, 74, SHANGHAI).columnOf(from));
  }

  @Test
  void thirtySecondBucketsGetSecondsInTheirLabels() {
    Instant from = Instant.parse("2024-05-20T02:00:00Z");

    List<TimeAxis.Tick> ticks = new TimeAxis(from, from.plusSeconds(90), 74, SHANGHAI).ticks();

    assertEquals(List.of("10:00:00", "10:00:30", "10:01:00", "10:01:30"), ticks.stream().map(TimeAxis.Tick::label).toList());
    assertEquals(List.of(0, 24, 49, 73), ticks.stream().map(TimeAxis.Tick::column).toList());
  }

  private static String plain(ValueAxis axis, int row) {
    String label = axis.label(row);
    if (label.endsWith("k")) {
      return new BigDecimal(label.substring(0, label.length() - 1)).multiply(BigDecimal.valueOf(1000)).toPlainString();
    }
    return label.endsWith("M")
        ? new BigDecimal(label.substring(0, label.length() - 1)).multiply(BigDecimal.valueOf(1_000_000)).toPlainString()
        : label;
  }
}
