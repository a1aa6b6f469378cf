package dev.cloudmetrics.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.exporter.httpserver.HttpExchangeAdapter;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /metrics}: what the Prometheus client's own handler answers (the format negotiated by
 * {@code Accept}, gzip when {@code Accept-Encoding} allows, HEAD), rendered by the client's writers,
 * but the series of {@link LatestValues}, the bulk of the body, are rendered once per poll instead of
 * once per scrape: each scrape renders only the exporter's own and the JVM's metrics, around them.
 * A scrape reads one {@link LatestValues.State}, so it shows one poll whole, never a mix of two.
 * A request with a query string ({@code name[]=}, {@code debug=}) goes to the client's own handler.
 */
final class MetricsEndpoint implements HttpHandler {
  private final PrometheusRegistry registry;
  private final LatestValues latest;
  private final ExpositionFormats formats;
  private final boolean preferUncompressed;
  private final PrometheusScrapeHandler client;

  MetricsEndpoint(PrometheusRegistry registry, LatestValues latest) {
    PrometheusProperties config = PrometheusProperties.get();
    this.registry = registry;
    this.latest = latest;
    this.formats = ExpositionFormats.init(config);
    this.preferUncompressed = config.getExporterHttpServerProperties().isPreferUncompressedResponse();
    this.client = new PrometheusScrapeHandler(config, registry);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (exchange.getRequestURI().getRawQuery() != null) {
      client.handleRequest(new HttpExchangeAdapter(exchange));
      return;
    }
    try (exchange) {
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      ExpositionFormatWriter writer = formats.findWriter(accept);
      Exposition exposition = new Exposition(writer, EscapingScheme.fromAcceptHeader(accept), gzipAccepted(exchange));
      List<byte[]> parts = body(exposition);
      long length = 0;
      for (byte[] part : parts) {
        length += part.length;
      }
      exchange.getResponseHeaders().set("Content-Type", writer.getContentType());
      if (exposition.gzip()) {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, length);
      OutputStream out = exchange.getResponseBody();
      for (byte[] part : parts) {
        out.write(part);
      }
    }
  }

  /**
   * The body in {@code exposition}: the metrics sorted as the client's writers have them, those before
   * the latest values and those after rendered now, the latest values as rendered once for their poll.
   */
  List<byte[]> body(Exposition exposition) {
    LatestValues.State state = latest.state();
    List<MetricSnapshot> snapshots = new ArrayList<>();
    for (MetricSnapshot snapshot : registry.scrape()) {
      boolean latestValues = snapshot.getMetadata().getPrometheusName().equals(latest.metric());
      snapshots.add(latestValues ? state.snapshot() : snapshot);
    }
    List<MetricSnapshot> sorted = new MetricSnapshots(snapshots).stream().toList();
    int at = sorted.indexOf(state.snapshot());
    if (at < 0) { // not collected: nothing to reuse
      return List.of(exposition.last(new MetricSnapshots(sorted)));
    }
    return List.of(exposition.middle(new MetricSnapshots(sorted.subList(0, at))), state.bytes(exposition),
        exposition.last(new MetricSnapshots(sorted.subList(at + 1, sorted.size()))));
  }

  /** As the client decides: gzip when any {@code Accept-Encoding} value names it (unless configured not to). */
  private boolean gzipAccepted(HttpExchange exchange) {
    if (preferUncompressed) {
      return false;
    }
    for (String header : exchange.getRequestHeaders().getOrDefault("Accept-Encoding", List.of())) {
      for (String encoding : header.split(",")) {
        if (encoding.trim().equalsIgnoreCase("gzip")) {
          return true;
        }
      }
    }
    return false;
  }
}
