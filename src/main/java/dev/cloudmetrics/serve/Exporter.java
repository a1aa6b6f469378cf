package dev.cloudmetrics.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.http.LocalHttpServer;
import dev.cloudmetrics.http.RequestLog;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.schedule.BucketLoop;
import dev.cloudmetrics.schedule.Stopped;
import io.prometheus.metrics.exporter.httpserver.HealthyHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * --serve: a Prometheus exporter that answers every scrape from {@link LatestValues} while a
 * {@link BucketLoop} fills them, one poll per final bucket however many scrape it. {@code /metrics}
 * ({@link MetricsEndpoint}: text or OpenMetrics as the scraper asks, gzip when accepted, by the
 * Prometheus client's writers) has the exporter's own and the JVM's metrics too; {@code /healthz}
 * answers from the process alone.
 */
public final class Exporter implements AutoCloseable {
  private static final byte[] HEALTHY = "ok\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * Threads answering scrapes, at most (as many as the Prometheus client's own server has): one per
   * scraper of ten, so that none waits while another's body is still being written to a slow reader.
   */
  static final int SCRAPE_THREADS = 10;

  private final HttpServer server;
  private final ExecutorService threads;
  private final ServeAddress address;
  private final PrometheusRegistry registry;
  private final LatestValues latest;
  private final String api;
  private final Clock clock;

  private Exporter(HttpServer server, ExecutorService threads, ServeAddress address, PrometheusRegistry registry,
      LatestValues latest, String api, Clock clock) {
    this.server = server;
    this.threads = threads;
    this.address = address;
    this.registry = registry;
    this.latest = latest;
    this.api = api;
    this.clock = clock;
  }

  /**
   * Listens on {@code address} before anything is polled, so that a busy port ends the run with
   * nothing sent.
   *
   * @param api {@code rtc} or {@code cdn}, the {@code api} label of the exporter's own metrics
   * @param bucket the size of the buckets polled, which says how long a series without new values stays
   * @throws InvalidInputException when the port is in use or the host is not one of this machine's
   */
  public static Exporter listen(ServeAddress address, RowSchema schema, Duration bucket, String api, Clock clock) {
    PrometheusRegistry registry = new PrometheusRegistry();
    LatestValues latest = new LatestValues(schema, bucket);
    registry.register(latest);
    registry.register(new JvmMetricsOnceASecond());
    try {
      HttpServer server = LocalHttpServer.create(new InetSocketAddress(address.host(), address.port()));
      server.createContext("/", Exporter::health);
      server.createContext("/metrics", new MetricsEndpoint(registry, latest));
      server.createContext("/-/healthy", new HealthyHandler());
      ExecutorService threads = new ThreadPoolExecutor(1, SCRAPE_THREADS, 120, TimeUnit.SECONDS,
          new SynchronousQueue<>(true), Exporter::daemon, Exporter::waitForAThread);
      server.setExecutor(threads);
      start(server, threads);
      return new Exporter(server, threads, address, registry, latest, api, clock);
    } catch (BindException e) {
      throw new InvalidInputException("--serve '" + address.host() + ":" + address.port() + "': cannot listen on port "
          + address.port() + " of " + address.host() + " (" + e.getMessage() + "); is another exporter using it? "
          + "Choose another port, or 0 for a free one");
    } catch (IOException e) {
      throw new InvalidInputException("--serve '" + address.host() + ":" + address.port() + "': cannot listen there ("
          + e.getMessage() + ")");
    }
  }

  /** Starts {@code server} from one of its (daemon) threads, so that the server's own thread is a daemon too. */
  private static void start(HttpServer server, ExecutorService threads) {
    try {
      threads.submit(server::start).get();
    } catch (InterruptedException | ExecutionException e) {
      server.stop(0);
      threads.shutdownNow();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the exporter's HTTP server did not start", e);
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "cloudmetrics-scrape");
    thread.setDaemon(true);
    return thread;
  }

  /** An eleventh concurrent scrape waits for one of the ten threads (as with the Prometheus client's server). */
  private static void waitForAThread(Runnable task, ThreadPoolExecutor threads) {
    if (!threads.isShutdown()) {
      try {
        threads.getQueue().put(task);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Where scrapers find the metrics, with the port actually bound (port 0 picks one). */
  public String url() {
    String host = address.host().contains(":") ? "[" + address.host() + "]" : address.host();
    return "http://" + host + ":" + port() + "/metrics";
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The transport's log that also counts every attempt into the exporter's own metrics. */
  public RequestLog requestLog(RequestLog next) {
    return new ApiRequestMetrics(api, clock, next, registry);
  }

  /** Polls until interrupted (SIGTERM, Ctrl-C), every scrape answered from the latest poll meanwhile. */
  public Stopped run(BucketLoop loop, Instant first, Duration interval) throws IOException {
    return loop.run(first, interval, (rows, finalBefore) -> {
      latest.update(rows, finalBefore);
      return true;
    });
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdown();
  }

  /** {@code /healthz}: 200 while the process runs; it never waits for, or calls, an API. Anything else: 404. */
  private static void health(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
      boolean healthz = "/healthz".equals(exchange.getRequestURI().getPath());
      byte[] body = healthz ? HEALTHY : "not found: try /metrics or /healthz\n".getBytes(StandardCharsets.US_ASCII);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(healthz ? 200 : 404, head ? -1 : body.length);
      if (!head) {
        exchange.getResponseBody().write(body);
      }
    }
  }
}
