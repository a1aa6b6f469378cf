package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudmetrics.output.OutputFormat;
import dev.cloudmetrics.output.RenderOptions;
import dev.cloudmetrics.output.Renderers;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.output.RowSink;
import dev.cloudmetrics.serve.PrometheusServer.Sample;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real-Prometheus fixture, proven before the exporter exists: Prometheus scrapes a loopback
 * server that serves what {@code -f prometheus} prints, the series come back through its query
 * API, and the shipped rules load healthy and record what they should.
 */
class PrometheusServerTest {
  private static final Duration SCRAPE = Duration.ofSeconds(1);
  private static final Duration AWAIT = Duration.ofSeconds(30);
  private static final Instant BUCKET = Instant.parse("2024-05-20T02:00:00Z");
  private static final String CHINESE_STREAM = "rtmp://live.example/app/直播\"1\"";

  static final RowSchema CDN = new RowSchema("cdn online-users", List.of("stream_url", "region"), "online_users");
  static final List<Row> VIEWERS = List.of(
      new Row(BUCKET, List.of("rtmp://live.example/app/a", "CN"), new BigDecimal(1234)),
      new Row(BUCKET, List.of("rtmp://live.example/app/a", "US"), new BigDecimal(66)),
      new Row(BUCKET, List.of(CHINESE_STREAM, "CN"), new BigDecimal(7)));
  static final RowSchema RTC = new RowSchema("rtc list-realtime", List.of("app_id", "indicator"), "value");
  static final List<Row> INDICATORS = List.of(
      new Row(BUCKET, List.of("app1", "online_user_count"), new BigDecimal(420)),
      new Row(BUCKET, List.of("app1", "online_room_count"), new BigDecimal(12)));

  private MetricsTarget target;

  @BeforeEach
  void serveRenderedRows() throws IOException {
    String metrics = rendered(CDN, VIEWERS) + rendered(RTC, INDICATORS);
    target = MetricsTarget.serve(() -> metrics);
  }

  @AfterEach
  void stopTarget() {
    target.close();
  }

  @Test
  void theScrapedSeriesComeBackWithTheirLabelsAndValues() throws Exception {
    try (PrometheusServer prometheus = PrometheusServer.start(target.uri(), SCRAPE)) {
      List<Sample> viewers = prometheus.awaitSeries("cloudmetrics_cdn_online_users", AWAIT);
      List<Sample> indicators = prometheus.awaitSeries("cloudmetrics_rtc_indicator", AWAIT);

      assertEquals(Map.of(
          List.of("rtmp://live.example/app/a", "CN"), 1234.0,
          List.of("rtmp://live.example/app/a", "US"), 66.0,
          List.of(CHINESE_STREAM, "CN"), 7.0), byLabels(viewers, "stream_url", "region"));
      assertEquals(Map.of(List.of("app1", "online_user_count"), 420.0, List.of("app1", "online_room_count"), 12.0),
          byLabels(indicators, "app_id", "indicator"));
      String instance = target.instance();
      for (Sample sample : viewers) {
        assertEquals("cloudmetrics", sample.labels().get("job"));
        assertEquals(instance, sample.labels().get("instance"));
      }
      assertEquals(List.of(new Sample(Map.of("__name__", "up", "job", "cloudmetrics", "instance", instance), 1.0)), prometheus.query("up"));
    }
  }

  @Test
  void aScalarIsOneSampleWithoutLabels() throws Exception {
    try (PrometheusServer prometheus = PrometheusServer.start(target.uri(), SCRAPE)) {
      assertEquals(List.of(new Sample(Map.of(), 42.0)), prometheus.query("scalar(vector(40)) + 2"));
      assertEquals(List.of(), prometheus.query("cloudmetrics_no_such_metric"));
      assertThrows(IllegalStateException.class, () -> prometheus.query("sum by (api (up)"));
    }
  }

  @Test
  void theShippedRulesLoadHealthyAndRecordViewersPerStream() throws Exception {
    try (PrometheusServer prometheus = PrometheusServer.start(target.uri(), SCRAPE, List.of(PrometheusRulesTest.RULES))) {
      List<JsonNode> rules = awaitEvaluatedRules(prometheus);

      TreeSet<String> expected = new TreeSet<>(PrometheusRulesTest.alerts());
      expected.addAll(PrometheusRulesTest.recordingRules());
      assertEquals(expected, new TreeSet<>(rules.stream().map(rule -> rule.path("name").asText()).toList()));
      for (JsonNode rule : rules) {
        assertEquals("ok", rule.path("health").asText(), rule.toString());
      }
      List<Sample> perStream = prometheus.awaitSeries("stream_url:cloudmetrics_cdn_online_users:sum", AWAIT);
      assertEquals(Map.of(List.of("rtmp://live.example/app/a"), 1300.0, List.of(CHINESE_STREAM), 7.0),
          byLabels(perStream, "stream_url"));
    }
  }

  @Test
  void closeStopsTheServerAndMayBeCalledTwice() throws Exception {
    PrometheusServer prometheus = PrometheusServer.start(target.uri(), SCRAPE);
    URI ready = prometheus.uri().resolve("/-/ready");
    HttpClient http = HttpClient.newHttpClient();
    assertEquals(200, http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode());

    prometheus.close();
    prometheus.close();

    assertFalse(prometheus.isRunning());
    assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()));
  }

  @Test
  void aPortTakenBeforePrometheusBindsItIsReplacedByAnother() throws Exception {
    List<Integer> given = new ArrayList<>();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      PrometheusServer.PortSource ports = () -> {
        given.add(given.isEmpty() ? taken.getLocalPort() : PrometheusServer.freePort());
        return given.get(given.size() - 1);
      };
      try (PrometheusServer prometheus = PrometheusServer.start(target.uri(), SCRAPE, List.of(), ports)) {
        assertEquals(2, given.size());
        assertEquals(given.get(1), prometheus.uri().getPort());
        assertEquals(List.of(new Sample(Map.of(), 1.0)), prometheus.query("vector(1)"));
      }
    }
  }

  /** Every rule of /api/v1/rules once each has been evaluated (a rule's health is "unknown" before). */
  private static List<JsonNode> awaitEvaluatedRules(PrometheusServer prometheus) throws Exception {
    Instant deadline = Instant.now().plus(AWAIT);
    while (true) {
      List<JsonNode> rules = new ArrayList<>();
      prometheus.api("/api/v1/rules").path("groups").forEach(group -> group.path("rules").forEach(rules::add));
      boolean evaluated = !rules.isEmpty() && rules.stream().noneMatch(rule -> "unknown".equals(rule.path("health").asText()));
      if (evaluated || Instant.now().isAfter(deadline)) {
        assertTrue(evaluated, "rules not evaluated within " + AWAIT + ": " + rules);
        return rules;
      }
      Thread.sleep(200);
    }
  }

  /** Each sample's value by the values of {@code labels}, in that order. */
  static Map<List<String>, Double> byLabels(List<Sample> samples, String... labels) {
    Map<List<String>, Double> values = new HashMap<>();
    for (Sample sample : samples) {
      values.put(Arrays.stream(labels).map(sample.labels()::get).toList(), sample.value());
    }
    return values;
  }

  /** What {@code -f prometheus} prints for {@code rows}. */
  static String rendered(RowSchema schema, List<Row> rows) throws IOException {
    StringWriter out = new StringWriter();
    RowSink sink = Renderers.create(new RenderOptions(OutputFormat.PROMETHEUS, true, ZoneOffset.UTC), out);
    sink.begin(schema);
    for (Row row : rows) {
      sink.accept(row);
    }
    sink.end();
    return out.toString();
  }
}
