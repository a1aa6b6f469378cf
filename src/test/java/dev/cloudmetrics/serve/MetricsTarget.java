package dev.cloudmetrics.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** A loopback HTTP server that answers {@code GET /metrics} with the text a supplier gives at each scrape. */
final class MetricsTarget implements AutoCloseable {
  private final HttpServer server;

  private MetricsTarget(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code exposition} (Prometheus text format 0.0.4) on a free loopback port. */
  static MetricsTarget serve(Supplier<String> exposition) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = exposition.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return new MetricsTarget(server);
  }

  /** {@code http://127.0.0.1:PORT/metrics}. */
  URI uri() {
    return URI.create("http://" + instance() + "/metrics");
  }

  /** The {@code instance} label Prometheus gives the target's series: {@code 127.0.0.1:PORT}. */
  String instance() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
