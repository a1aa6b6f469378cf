package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -f prometheus} read back by a strict reader of the exposition format. */
class PrometheusFormatTest {
  private static final RowSchema PER_STREAM = GoldenSamples.CDN_PER_STREAM.schema;

  private static String render(RowSchema schema, List<Row> rows, boolean timestamps) {
    return RenderedText.of(new RenderOptions(OutputFormat.PROMETHEUS, true, ZoneOffset.UTC, Layout.LONG,
        TimeFormat.ISO, false, timestamps, Terminal.PLAIN), schema, rows);
  }

  @ParameterizedTest
  @EnumSource(GoldenSamples.class)
  void oneGaugeWithTheLatestValueOfEverySeries(GoldenSamples sample) {
    Map<String, PrometheusExposition.Family> families = PrometheusExposition.parse(render(sample.schema, sample.rows, false));

    assertEquals(1, families.size());
    PrometheusExposition.Family family = families.values().iterator().next();
    assertEquals(Optional.of("gauge"), family.type());
    assertTrue(family.help().orElseThrow().contains(sample.schema.command()), family.help().toString());
    Map<Map<String, String>, Double> expected = new LinkedHashMap<>();
    for (Row row : sample.rows) {
      expected.put(labelsOf(sample.schema, row), row.value().doubleValue());
    }
    Map<Map<String, String>, Double> actual = new LinkedHashMap<>();
    family.samples().forEach(s -> actual.put(s.labels(), s.value()));
    assertEquals(expected, actual);
    assertTrue(family.samples().stream().allMatch(s -> s.timestamp().isEmpty()));
  }

  @Test
  void metricNamesFollowTheCommandAndItsMeasure() {
    assertEquals("cloudmetrics_rtc_indicator", PrometheusText.metricName(GoldenSamples.RTC.schema));
    assertEquals("cloudmetrics_cdn_online_users", PrometheusText.metricName(GoldenSamples.CDN_MERGED.schema));
    assertEquals("cloudmetrics_cdn_online_users", PrometheusText.metricName(PER_STREAM));
  }

  @Test
  void latestMeansTheLatestBucketEvenWhenRowsArriveOutOfOrder() {
    Instant early = Instant.parse("2024-05-20T02:00:00Z");
    List<Row> rows = List.of(
        new Row(early.plusSeconds(300), List.of("rtmp://a/live/x", "CN"), BigDecimal.valueOf(20)),
        new Row(early, List.of("rtmp://a/live/x", "CN"), BigDecimal.valueOf(10)));

    PrometheusExposition.Family family = PrometheusExposition.parse(render(PER_STREAM, rows, true))
        .get("cloudmetrics_cdn_online_users");

    assertEquals(1, family.samples().size());
    assertEquals(20.0, family.samples().get(0).value());
    assertEquals(Optional.of(early.plusSeconds(300).toEpochMilli()), family.samples().get(0).timestamp());
  }

  @ParameterizedTest
  @ValueSource(strings = {"say \"hi\"", "C:\\streams\\", "two\nlines", "直播 {a=\"b\",c}", "trailing\\", " "})
  void labelValuesSurviveEscaping(String stream) {
    Row row = new Row(Instant.parse("2024-05-20T02:00:00Z"), List.of(stream, "CN"), new BigDecimal("12.50"));

    PrometheusExposition.Sample sample = PrometheusExposition.parse(render(PER_STREAM, List.of(row), false))
        .get("cloudmetrics_cdn_online_users").samples().get(0);

    assertEquals(Map.of("stream_url", stream, "region", "CN"), sample.labels());
    assertEquals(12.5, sample.value());
  }

  @Test
  void noRowsIsAValidExpositionWithoutSamples() {
    String text = render(PER_STREAM, List.of(), false);

    assertEquals(List.of(), PrometheusExposition.parse(text).get("cloudmetrics_cdn_online_users").samples());
    assertTrue(text.startsWith("# HELP cloudmetrics_cdn_online_users "), text);
  }

  @Test
  void anOddValueColumnOrCommandStillGivesAValidName() {
    RowSchema odd = new RowSchema("9x api", List.of("2nd-label"), "value");
    Row row = new Row(Instant.EPOCH, List.of("v"), BigDecimal.ONE);

    Map<String, PrometheusExposition.Family> families = PrometheusExposition.parse(render(odd, List.of(row), false));

    assertEquals(List.of("cloudmetrics_9x_2nd_label"), List.copyOf(families.keySet()));
    assertEquals(Map.of("_2nd_label", "v"), families.get("cloudmetrics_9x_2nd_label").samples().get(0).labels());
  }

  /** The reader refuses what Prometheus refuses, so that a passing check means something. */
  @ParameterizedTest
  @ValueSource(strings = {
      "m 1",                                         // no final line feed
      "m{a=\"x\"\"} 1\n",                            // stray quote
      "m{a=\"x\\q\"} 1\n",                           // unknown escape
      "m{a=x} 1\n",                                  // unquoted value
      "m{__a=\"x\"} 1\n",                            // reserved label name
      "m{a=\"x\",a=\"y\"} 1\n",                      // label twice
      "m{a=\"x\"} 1\nm{a=\"x\"} 2\n",                // same series twice
      "1m 1\n",                                      // bad metric name
      "m one\n",                                     // bad value
      "m 1 12.5\n",                                  // bad timestamp
      "# TYPE m gauge\n# TYPE m gauge\nm 1\n",       // TYPE twice
      "m 1\n# TYPE m gauge\n",                       // TYPE after a sample
      "# TYPE m meter\nm 1\n",                       // unknown type
      "# HELP m say \\\"hi\\\"\nm 1\n",              // \" is no HELP escape
      "m 1\nn 1\nm{a=\"b\"} 2\n"})                   // a family split in two
  void theReaderRefusesBrokenExpositions(String text) {
    assertThrows(IllegalArgumentException.class, () -> PrometheusExposition.parse(text));
  }

  private static Map<String, String> labelsOf(RowSchema schema, Row row) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < row.labels().size(); i++) {
      labels.put(schema.labelColumns().get(i), row.labels().get(i));
    }
    return labels;
  }
}
