package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cloudmetrics.http.RequestLog;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} serves the latest values as rendered once per poll, the other metrics rendered
 * per scrape around them: the body must be what the Prometheus client's own writer makes of the whole
 * registry, in both formats, gzipped or not; the next scrape after a poll shows that poll; and a
 * scrape never shows a mix of two polls.
 */
class MetricsEndpointTest {
  static final RowSchema PER_STREAM = new RowSchema("cdn online-users", List.of("stream_url", "region"), "online_users");
  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Instant T0 = Instant.parse("2024-05-20T04:00:00Z");
  static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  PrometheusRegistry registry;
  LatestValues latest;
  ApiRequestMetrics requests;
  HttpServer server;

  @BeforeEach
  void serve() throws IOException {
    registry = new PrometheusRegistry();
    latest = new LatestValues(PER_STREAM, MINUTE);
    registry.register(latest);
    // The exporter's own metrics sort before (cloudmetrics_api_*) and after (cloudmetrics_last_*) the latest values.
    requests = new ApiRequestMetrics("cdn", Clock.fixed(T0, ZoneOffset.UTC), RequestLog.silent(), registry);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", new MetricsEndpoint(registry, latest));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  /** One poll's rows: every stream of {@code streams} with {@code value} in the bucket before {@code finalBefore}. */
  static List<Row> poll(int streams, Instant finalBefore, long value) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      rows.add(new Row(finalBefore.minus(MINUTE), List.of("rtmp://a.example/live/s" + i, "CN"),
          BigDecimal.valueOf(value)));
    }
    return rows;
  }

  HttpResponse<byte[]> get(String method, String... headers) {
    return Scrape.send(method, server.getAddress().getPort(), "/metrics", headers);
  }

  /** What the client's own writer for {@code accept} makes of the whole registry now. */
  byte[] written(String accept) throws IOException {
    ExpositionFormatWriter writer = ExpositionFormats.init().findWriter(accept);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, registry.scrape());
    return out.toByteArray();
  }

  void assertServedAsTheClientWritesIt(String when) throws IOException {
    for (String accept : new String[] {null, OPEN_METRICS}) {
      for (boolean gzip : new boolean[] {false, true}) {
        List<String> headers = new ArrayList<>();
        if (accept != null) {
          headers.addAll(List.of("Accept", accept));
        }
        if (gzip) {
          headers.addAll(List.of("Accept-Encoding", "gzip"));
        }
        HttpResponse<byte[]> response = get("GET", headers.toArray(String[]::new));
        String variant = when + ", Accept " + accept + ", gzip " + gzip;
        assertEquals(200, response.statusCode(), variant);
        assertEquals(gzip ? "gzip" : "", response.headers().firstValue("Content-Encoding").orElse(""), variant);
        ExpositionFormatWriter writer = ExpositionFormats.init().findWriter(accept);
        assertEquals(writer.getContentType(), response.headers().firstValue("Content-Type").orElse(""), variant);
        byte[] expected = written(accept);
        byte[] served = Scrape.content(response);
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(served, StandardCharsets.UTF_8), variant);
        assertArrayEquals(expected, served, variant);
      }
    }
  }

  @Test
  void theBodyIsWhatTheClientsWriterMakesOfTheRegistryInEitherFormatGzippedOrNot() throws IOException {
    assertServedAsTheClientWritesIt("before the first poll");
    latest.update(poll(1000, T0, 7), T0);
    requests.answered(null, null, Optional.empty(), Duration.ofMillis(120));
    assertServedAsTheClientWritesIt("after the first poll");
    assertTrue(new String(written(OPEN_METRICS), StandardCharsets.UTF_8).endsWith("\n# EOF\n"));
    // The next poll (new values; the stream without one keeps its last), as the next scrape sees it: rendered ahead for
    // the expositions scraped since the poll before, and rendered on demand for one that was not.
    List<Row> second = poll(999, T0.plus(MINUTE), 8);
    latest.update(second, T0.plus(MINUTE));
    assertServedAsTheClientWritesIt("after the second poll");
    String served = new String(Scrape.content(get("GET", "Accept-Encoding", "gzip")), StandardCharsets.UTF_8);
    assertTrue(served.contains("{region=\"CN\",stream_url=\"rtmp://a.example/live/s998\"} 8.0\n"), served);
    assertTrue(served.contains("{region=\"CN\",stream_url=\"rtmp://a.example/live/s999\"} 7.0\n"), served);
    assertTrue(served.contains("cloudmetrics_api_requests_total{api=\"cdn\",outcome=\"success\"} 1.0\n"), served);
  }

  @Test
  void headAnswersTheHeadersOfGetWithoutABody() {
    latest.update(poll(10, T0, 7), T0);
    for (String encoding : new String[] {"identity", "gzip"}) {
      HttpResponse<byte[]> get = get("GET", "Accept-Encoding", encoding);
      HttpResponse<byte[]> head = get("HEAD", "Accept-Encoding", encoding);
      assertEquals(200, head.statusCode());
      assertEquals(0, head.body().length);
      assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
      assertEquals(get.headers().firstValue("Content-Encoding"), head.headers().firstValue("Content-Encoding"));
    }
  }

  @Test
  void aScrapeDuringPollsShowsOnePollWholeNeverAMix() throws Exception {
    int streams = 2000;
    latest.update(poll(streams, T0, 0), T0);
    AtomicBoolean polling = new AtomicBoolean(true);
    Thread poller = new Thread(() -> {
      for (int n = 1; n <= 200; n++) {
        latest.update(poll(streams, T0.plus(MINUTE.multipliedBy(n)), n), T0.plus(MINUTE.multipliedBy(n)));
      }
      polling.set(false);
    });
    poller.start();
    int scrapes = 0;
    while (polling.get()) {
      pollsShown(streams, scrapes++);
    }
    poller.join();
    for (int variant = 0; variant < 4; variant++) {
      assertEquals(Set.of(200.0), pollsShown(streams, scrapes++), "after the last poll");
    }
  }

  /** The values of one scrape's latest values (one poll's: one value); the expositions taken in turn. */
  private Set<Double> pollsShown(int streams, int scrape) {
    String[][] variants = {{}, {"Accept-Encoding", "gzip"}, {"Accept", OPEN_METRICS},
        {"Accept", OPEN_METRICS, "Accept-Encoding", "gzip"}};
    String body = new String(Scrape.content(get("GET", variants[scrape % 4])), StandardCharsets.UTF_8);
    Map<String, Double> values = Scrape.of(Scrape.parse(body), "cloudmetrics_cdn_online_users");
    assertEquals(streams, values.size(), "scrape " + scrape);
    Set<Double> polls = new TreeSet<>(values.values());
    assertEquals(1, polls.size(), "scrape " + scrape + " mixes polls " + polls);
    return polls;
  }
}
