package dev.cloudmetrics.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real {@code prometheus} server for a test, scraping one target: a free loopback port, a
 * scrape config, its query API; stopped (and its data removed) on close. A minimal stand-in with
 * the interface of wt-rules' {@code PrometheusServer}, which replaces it when both are merged.
 */
final class LocalPrometheus implements AutoCloseable {
  /** One sample of an instant query: the series' labels and its value. */
  record Sample(Map<String, String> labels, double value) {}

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path directory;
  private final URI api;

  private LocalPrometheus(Process process, Path directory, URI api) {
    this.process = process;
    this.directory = directory;
    this.api = api;
  }

  /** Starts prometheus scraping {@code target} (an exporter's /metrics URL) every {@code scrapeInterval}. */
  static LocalPrometheus start(URI target, Duration scrapeInterval) throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("cloudmetrics-prometheus");
    Path config = directory.resolve("prometheus.yml");
    String interval = scrapeInterval.toMillis() + "ms";
    Files.writeString(config, "global:\n  scrape_interval: " + interval + "\n  evaluation_interval: " + interval + "\n"
        + "scrape_configs:\n  - job_name: cloudmetrics\n    metrics_path: " + target.getPath() + "\n"
        + "    static_configs:\n      - targets: ['" + target.getHost() + ":" + target.getPort() + "']\n");
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Process process = new ProcessBuilder("prometheus", "--config.file=" + config,
        "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
    LocalPrometheus prometheus = new LocalPrometheus(process, directory, URI.create("http://127.0.0.1:" + port));
    prometheus.awaitReady();
    return prometheus;
  }

  /** An instant query's samples, by the query API. */
  List<Sample> query(String promql) throws IOException, InterruptedException {
    URI uri = api.resolve("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    if (!"success".equals(body.path("status").asText())) {
      throw new IllegalStateException(promql + ": " + response.body());
    }
    List<Sample> samples = new ArrayList<>();
    for (JsonNode result : body.path("data").path("result")) {
      Map<String, String> labels = new TreeMap<>();
      for (Map.Entry<String, JsonNode> label : result.path("metric").properties()) {
        labels.put(label.getKey(), label.getValue().asText());
      }
      samples.add(new Sample(labels, Double.parseDouble(result.path("value").get(1).asText())));
    }
    return samples;
  }

  /** The query's samples once it has any, or a failure naming the query after {@code timeout}. */
  List<Sample> awaitSeries(String promql, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Sample> samples = query(promql);
      if (!samples.isEmpty()) {
        return samples;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no series for " + promql + " within " + timeout + "; log:\n" + log());
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(api.resolve("/-/ready")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("prometheus did not get ready; log:\n" + log());
  }

  private String log() throws IOException {
    return Files.readString(directory.resolve("prometheus.log"));
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
