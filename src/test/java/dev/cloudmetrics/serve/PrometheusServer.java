package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server (Debian's {@code /usr/bin/prometheus}) on a free loopback port, scraping
 * one target as job {@code cloudmetrics}, with its queries answered through the HTTP API; stopped
 * with SIGTERM by {@link #close()}, and by a shutdown hook should a test never get there.
 */
final class PrometheusServer implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/prometheus");

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PORT_ATTEMPTS = 3;

  private final Process process;
  private final Path home;
  private final URI uri;
  private final Thread backstop;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One value of a query's answer, with the labels of its series. */
  record Sample(Map<String, String> labels, double value) {
    Sample {
      labels = Map.copyOf(labels);
    }
  }

  private PrometheusServer(Process process, Path home, URI uri) {
    this.process = process;
    this.home = home;
    this.uri = uri;
    this.backstop = new Thread(this::closeAtExit, "prometheus-backstop");
    Runtime.getRuntime().addShutdownHook(backstop);
  }

  /** Starts a server scraping {@code target} (its scheme, host, port and path) every {@code scrapeInterval}. */
  static PrometheusServer start(URI target, Duration scrapeInterval) throws IOException, InterruptedException {
    return start(target, scrapeInterval, List.of());
  }

  /** The same, also evaluating {@code ruleFiles} every {@code scrapeInterval}. */
  static PrometheusServer start(URI target, Duration scrapeInterval, List<Path> ruleFiles)
      throws IOException, InterruptedException {
    return start(target, scrapeInterval, ruleFiles, PrometheusServer::freePort);
  }

  /** The same on the ports {@code ports} gives, asked again when the one it gave is taken. */
  static PrometheusServer start(URI target, Duration scrapeInterval, List<Path> ruleFiles, PortSource ports)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(BINARY), "prometheus is not installed (apt-get install prometheus)");
    // A free port is found before Prometheus binds it: a parallel build may take it in between.
    for (int attempt = 1; ; attempt++) {
      try {
        return launch(target, scrapeInterval, ruleFiles, ports.next());
      } catch (PortTaken e) {
        if (attempt == PORT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static PrometheusServer launch(URI target, Duration scrapeInterval, List<Path> ruleFiles, int port)
      throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("cloudmetrics-prometheus");
    Path config = home.resolve("prometheus.yml");
    Files.writeString(config, config(target, scrapeInterval, ruleFiles), StandardCharsets.UTF_8);
    URI uri = URI.create("http://127.0.0.1:" + port);
    Process process = new ProcessBuilder(BINARY.toString(),
        "--config.file=" + config,
        "--storage.tsdb.path=" + home.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("prometheus.log").toFile())
        .start();
    PrometheusServer server = new PrometheusServer(process, home, uri);
    try {
      server.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Where the server answers, {@code http://127.0.0.1:PORT}. */
  URI uri() {
    return uri;
  }

  /** The answer to an instant query now: a sample per series (one without labels for a scalar). */
  List<Sample> query(String promql) throws IOException, InterruptedException {
    JsonNode data = api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    String type = data.path("resultType").asText();
    return switch (type) {
      case "vector" -> samples(data.path("result"));
      case "scalar" -> List.of(new Sample(Map.of(), value(data.path("result"))));
      default -> throw new IllegalArgumentException("a " + type + " is not an instant vector or scalar: " + promql);
    };
  }

  /** Queries until the answer has at least one series; fails with the last answer and the target's state after {@code timeout}. */
  List<Sample> awaitSeries(String promql, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    List<Sample> samples = query(promql);
    while (samples.isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no series for " + promql + " within " + timeout + "; the target: " + api("/api/v1/targets"));
      }
      Thread.sleep(POLL.toMillis());
      samples = query(promql);
    }
    return samples;
  }

  /** The {@code data} of a successful answer of the HTTP API at {@code pathAndQuery} (e.g. {@code /api/v1/rules}). */
  JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(answer.path("status").asText())) {
      throw new IllegalStateException("Prometheus answered " + response.statusCode() + " to " + pathAndQuery + ": " + response.body());
    }
    return answer.path("data");
  }

  /** Whether the server process still runs. */
  boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the server (SIGTERM, then SIGKILL if it lingers) and deletes its configuration and data. */
  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      // Interrupted while it stops: kill it rather than leave it running, and keep the interrupt.
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(backstop);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting already: the hook runs anyway and finds the process gone.
    }
    if (!Files.exists(home)) {
      return;
    }
    try (Stream<Path> files = Files.walk(home)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The shutdown hook: a test JVM that ends (or is killed with SIGTERM) before close() still stops the server. */
  private void closeAtExit() {
    try {
      close();
    } catch (IOException e) {
      // The process is stopped by then; only the temporary directory may be left behind.
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (!(process.isAlive() && ready())) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        String log = Files.readString(home.resolve("prometheus.log"), StandardCharsets.UTF_8);
        String message = "Prometheus did not become ready"
            + (process.isAlive() ? " within " + READY_TIMEOUT : " (exit " + process.exitValue() + ")") + ": " + log;
        throw log.contains("address already in use") ? new PortTaken(message) : new IllegalStateException(message);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private boolean ready() throws InterruptedException {
    try {
      return http.send(HttpRequest.newBuilder(uri.resolve("/-/ready")).timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding())
          .statusCode() == 200;
    } catch (IOException notListeningYet) { // HttpTimeoutException too: the port may be another's
      return false;
    }
  }

  private static String config(URI target, Duration scrapeInterval, List<Path> ruleFiles) {
    String seconds = scrapeInterval.toMillis() + "ms";
    StringBuilder yaml = new StringBuilder()
        .append("global:\n")
        .append("  scrape_interval: ").append(seconds).append('\n')
        .append("  scrape_timeout: ").append(seconds).append('\n')
        .append("  evaluation_interval: ").append(seconds).append('\n');
    if (!ruleFiles.isEmpty()) {
      yaml.append("rule_files:\n");
      ruleFiles.forEach(file -> yaml.append("  - ").append(quoted(file.toAbsolutePath().toString())).append('\n'));
    }
    return yaml.append("scrape_configs:\n")
        .append("  - job_name: cloudmetrics\n")
        .append("    scheme: ").append(target.getScheme()).append('\n')
        .append("    metrics_path: ").append(quoted(target.getRawPath().isEmpty() ? "/metrics" : target.getRawPath())).append('\n')
        .append("    static_configs:\n")
        .append("      - targets: [").append(quoted(target.getHost() + ":" + target.getPort())).append("]\n")
        .toString();
  }

  /** A YAML double-quoted string; JSON's escapes are YAML's. */
  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loopback port nothing listens on at the moment. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static List<Sample> samples(JsonNode result) {
    List<Sample> samples = new ArrayList<>();
    for (JsonNode series : result) {
      Map<String, String> labels = new LinkedHashMap<>();
      series.path("metric").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
      samples.add(new Sample(labels, value(series.path("value"))));
    }
    return samples;
  }

  /** A {@code [time, "value"]} pair's value; Prometheus writes NaN and infinities as strings too. */
  private static double value(JsonNode pair) {
    return Double.parseDouble(pair.get(1).asText().replace("Inf", "Infinity"));
  }

  /** Where the server's port comes from. */
  @FunctionalInterface
  interface PortSource {
    int next() throws IOException;
  }

  /** Another process bound the port between our look and Prometheus' bind. */
  private static final class PortTaken extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PortTaken(String message) {
      super(message);
    }
  }
}
