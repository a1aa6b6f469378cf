package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.ApiResponse;
import dev.cloudmetrics.http.RequestLog;
import dev.cloudmetrics.serve.PrometheusServer.Sample;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Grafana dashboard (dist/grafana-dashboard.json) imports with a Prometheus data source
 * chosen on import, shows every metric the exporter serves, and its queries are PromQL that promtool
 * parses and that read only series that exist: the exporter's (cli.md, "Exporter"), Prometheus'
 * {@code up}, and the recording rules of dist/prometheus-rules.yml; a real Prometheus answers each
 * of them with data when it scrapes the exporter's own metric classes, which cli.md lists.
 */
class GrafanaDashboardTest {
  static final Path DASHBOARD = Path.of("dist/grafana-dashboard.json");
  static final Path CLI_MD = Path.of(System.getProperty("cloudmetrics.vectors", "../shared/vectors")).resolveSibling("cli.md");

  private static final String DATASOURCE = "${DS_PROMETHEUS}";
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
      "group_left", "group_right", "offset", "bool", "Inf", "NaN");

  private static JsonNode dashboard;

  @TempDir Path dir;

  @BeforeAll
  static void read() throws IOException {
    dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
  }

  @Test
  void itImportsWithAPrometheusDataSourceChosenOnImport() {
    int schema = dashboard.path("schemaVersion").asInt();
    assertTrue(schema >= 36 && schema <= 41, "schemaVersion " + schema);
    JsonNode input = dashboard.path("__inputs").get(0);
    assertEquals("DS_PROMETHEUS", input.path("name").asText());
    assertEquals("datasource", input.path("type").asText());
    assertEquals("prometheus", input.path("pluginId").asText());
    assertFalse(dashboard.path("uid").asText().isEmpty());

    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : panels()) {
      assertTrue(ids.add(panel.path("id").asInt()), "panel id used twice: " + panel.path("id"));
      if (!"row".equals(panel.path("type").asText())) {
        assertEquals(DATASOURCE, panel.path("datasource").path("uid").asText(), panel.path("title").asText());
        assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
        panel.path("targets").forEach(target ->
            assertEquals(DATASOURCE, target.path("datasource").path("uid").asText(), panel.path("title").asText()));
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      assertEquals(DATASOURCE, variable.path("datasource").path("uid").asText(), variable.path("name").asText());
    }
  }

  @Test
  void streamRegionAndAppAreVariablesThatFilterTheirPanels() {
    List<String> names = new ArrayList<>();
    dashboard.path("templating").path("list").forEach(variable -> names.add(variable.path("name").asText()));
    assertEquals(List.of("stream", "region", "app"), names);

    for (String expr : panelExpressions()) {
      if (expr.contains("cloudmetrics_cdn_online_users")) {
        assertTrue(expr.contains("stream_url=~\"$stream\"") && expr.contains("region=~\"$region\""), expr);
      }
      if (expr.contains("cloudmetrics_rtc_indicator")) {
        assertTrue(expr.contains("app_id=~\"$app\""), expr);
      }
    }
  }

  @Test
  void everyMetricTheExporterServesIsShown() throws IOException {
    Set<String> shown = new TreeSet<>();
    for (String expr : panelExpressions()) {
      shown.addAll(metricNames(expr));
    }

    for (String metric : exporterMetrics()) {
      assertTrue(shown.contains(metric) || shown.contains(metric + "_bucket"), metric + " is on no panel: " + shown);
    }
    assertTrue(panelExpressions().stream().anyMatch(e -> e.contains("indicator=\"online_user_count\"")), "RTC users");
    assertTrue(panelExpressions().stream().anyMatch(e -> e.contains("indicator=\"online_room_count\"")), "RTC rooms");
    assertTrue(panelExpressions().stream().anyMatch(e -> e.contains("outcome=\"throttled\"")), "throttles");
  }

  @Test
  void everyQueryReadsOnlySeriesThatExist() throws IOException {
    Set<String> known = new HashSet<>(exporterSeries());
    known.add("up");
    known.addAll(PrometheusRulesTest.recordingRules());

    List<String> queries = new ArrayList<>(panelExpressions());
    queries.addAll(variableSelectors());
    for (String expr : queries) {
      Set<String> unknown = new TreeSet<>(metricNames(expr));
      unknown.removeAll(known);
      assertEquals(Set.of(), unknown, expr);
    }
  }

  @Test
  void promtoolParsesEveryQuery() throws Exception {
    // promtool has no offline PromQL check of its own; recording rules are parsed as PromQL.
    List<String> queries = new ArrayList<>(panelExpressions());
    queries.addAll(variableSelectors());
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    for (int i = 0; i < queries.size(); i++) {
      rules.append("      - record: dashboard_query_").append(i).append('\n')
          .append("        expr: ").append(new ObjectMapper().writeValueAsString(withVariablesFilledIn(queries.get(i)))).append('\n');
    }
    Path file = dir.resolve("dashboard-queries.yml");
    Files.writeString(file, rules, StandardCharsets.UTF_8);

    Promtool.Result checked = Promtool.run("check", "rules", file.toString());

    assertTrue(checked.ok(), checked.said() + "\n" + rules);
    assertTrue(checked.said().contains("SUCCESS: " + queries.size() + " rules found"), checked.said());
  }

  @Test
  void everyQueryShowsDataFromTheRealExportersMetrics() throws Exception {
    List<String> queries = new ArrayList<>(panelExpressions());
    queries.addAll(variableSelectors());

    RealExporterMetrics metrics = new RealExporterMetrics();
    // The Prometheus client's own server, as the exporter's: content negotiation and all.
    HTTPServer exporter = HTTPServer.builder().hostname("127.0.0.1").port(0).registry(metrics.registry).buildAndStart();
    ScheduledExecutorService requests = Executors.newSingleThreadScheduledExecutor();
    requests.scheduleAtFixedRate(metrics::requestsSent, 0, 200, TimeUnit.MILLISECONDS);
    try (exporter; PrometheusServer prometheus = PrometheusServer.start(
        URI.create("http://127.0.0.1:" + exporter.getPort() + "/metrics"), Duration.ofSeconds(1))) {
      for (String query : queries) {
        List<Sample> shown = prometheus.awaitSeries(withVariablesFilledIn(query), Duration.ofSeconds(30));
        shown.forEach(sample -> assertTrue(Double.isFinite(sample.value()), query + ": " + shown));
      }
    } finally {
      requests.shutdownNow();
    }
  }

  @Test
  void metricNamesAreTheSelectorsOfAnExpressionOnly() {
    assertEquals(Set.of("a_bucket", "b:c:rate5m", "d"), metricNames(
        "histogram_quantile(0.99, sum by (api, le) (rate(a_bucket{x=\"y z\", api!~\"q|r\"}[5m])))"
            + " / on (job) group_left (region) b:c:rate5m offset 10m > bool 1e3 unless d or vector(1)"));
  }

  /** The names of the series a PromQL expression selects: not functions, keywords, labels, strings or numbers. */
  static Set<String> metricNames(String expr) {
    String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
        .replaceAll("\\{[^}]*}", "")
        .replaceAll("\\[[^]]*]", "")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
    Set<String> names = new TreeSet<>();
    Matcher identifier = Pattern.compile("(?<![\\w:.])[a-zA-Z_:][\\w:]*+(?!\\s*\\()").matcher(bare);
    while (identifier.find()) {
      if (!KEYWORDS.contains(identifier.group())) {
        names.add(identifier.group());
      }
    }
    return names;
  }

  /**
   * The exporter's own classes in one registry, as {@code --serve} builds them: the newest rows of
   * both APIs in {@link LatestValues}, and {@link ApiRequestMetrics} counting requests. Not a
   * hand-written guess of its /metrics: a renamed metric, label or outcome fails this test.
   */
  private static final class RealExporterMetrics {
    private static final Duration BUCKET = Duration.ofMinutes(5);

    final PrometheusRegistry registry = new PrometheusRegistry();
    private final ApiRequestMetrics requests;

    RealExporterMetrics() {
      LatestValues cdn = new LatestValues(PrometheusServerTest.CDN, BUCKET);
      LatestValues rtc = new LatestValues(PrometheusServerTest.RTC, BUCKET);
      registry.register(cdn);
      registry.register(rtc);
      Instant finalBefore = PrometheusServerTest.VIEWERS.get(0).time().plus(BUCKET);
      cdn.update(PrometheusServerTest.VIEWERS, finalBefore);
      rtc.update(PrometheusServerTest.INDICATORS, finalBefore);
      // One exporter counts one API's requests (a second would register the same names again).
      requests = new ApiRequestMetrics("cdn", Clock.systemUTC(), RequestLog.silent(), registry);
    }

    /** Some requests of every outcome, so that each scrape sees the counters and the histogram grow. */
    void requestsSent() {
      RequestLog.Attempt attempt = new RequestLog.Attempt("GetLiveOnlineUserDataByStream",
          new ApiRequest("POST", URI.create("http://127.0.0.1:9/"), Map.of(), new byte[0]), 1, 1);
      ApiResponse ok = new ApiResponse(200, Map.of(), new byte[0]);
      for (int i = 0; i < 3; i++) {
        requests.answered(attempt, ok, Optional.empty(), Duration.ofMillis(80 + 200 * i));
      }
      requests.answered(attempt, new ApiResponse(429, Map.of(), new byte[0]),
          Optional.of(new ApiError(429, "TooManyRequests", "throttled", Optional.empty())), Duration.ofMillis(30));
      requests.failed(attempt, new HttpTimeoutException("request timed out"), Duration.ofSeconds(10));
      requests.failed(attempt, new IOException("connection reset"), Duration.ofMillis(5));
    }

    /** The names of the metrics the registry serves. */
    Set<String> names() {
      Set<String> names = new TreeSet<>();
      registry.scrape().forEach(snapshot -> names.add(snapshot.getMetadata().getPrometheusName()
          + (snapshot instanceof CounterSnapshot ? "_total" : "")));
      return names;
    }
  }

  @Test
  void cliMdListsTheMetricsTheExporterReallyServes() throws IOException {
    assertEquals(new TreeSet<>(exporterMetrics()), new RealExporterMetrics().names());
  }

  /** The exporter's metric names as cli.md lists them, {@code _total} on the counter. */
  private static List<String> exporterMetrics() throws IOException {
    String cli = Files.readString(CLI_MD, StandardCharsets.UTF_8);
    int start = cli.indexOf("## Exporter");
    String section = cli.substring(start, cli.indexOf("\n## ", start + 1));
    List<String> metrics = Pattern.compile("cloudmetrics_\\w+").matcher(section).results().map(MatchResult::group).distinct().toList();
    assertEquals(5, metrics.size(), "cli.md's exporter metrics: " + metrics);
    return metrics;
  }

  /** The series the exporter serves: its metrics, a histogram's as _bucket, _sum and _count. */
  private static Set<String> exporterSeries() throws IOException {
    String cli = Files.readString(CLI_MD, StandardCharsets.UTF_8);
    Set<String> series = new HashSet<>();
    for (String metric : exporterMetrics()) {
      if (cli.contains(metric + "` (histogram)")) {
        series.addAll(List.of(metric + "_bucket", metric + "_sum", metric + "_count"));
      } else {
        series.add(metric);
      }
    }
    return series;
  }

  private static List<JsonNode> panels() {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      all.add(panel);
      panel.path("panels").forEach(all::add);
    }
    return all;
  }

  private static List<String> panelExpressions() {
    List<String> exprs = new ArrayList<>();
    panels().forEach(panel -> panel.path("targets").forEach(target -> exprs.add(target.path("expr").asText())));
    assertFalse(exprs.isEmpty());
    exprs.forEach(expr -> assertFalse(expr.isBlank(), "a target without an expression"));
    return exprs;
  }

  /** The series selectors inside the variables' {@code label_values(SELECTOR, LABEL)}. */
  private static List<String> variableSelectors() {
    List<String> selectors = new ArrayList<>();
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      Matcher query = LABEL_VALUES.matcher(variable.path("query").path("query").asText());
      assertTrue(query.matches(), variable.toString());
      selectors.add(query.group(1));
    }
    return selectors;
  }

  /** Grafana's variables replaced by what they stand for at query time. */
  private static String withVariablesFilledIn(String expr) {
    return expr.replace("$__rate_interval", "5m").replace("$__interval", "1m").replaceAll("\\$\\{?\\w+}?", ".*");
  }
}
