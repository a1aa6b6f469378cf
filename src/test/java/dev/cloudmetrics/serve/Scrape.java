package dev.cloudmetrics.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** A scraper of the exporter for tests: GET a path, and the samples of a text exposition by series. */
public final class Scrape {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Scrape() {}

  /** GET {@code path} on 127.0.0.1:{@code port} with the headers given, as {@code name, value, ...}. */
  public static HttpResponse<byte[]> get(int port, String path, String... headers) {
    return send("GET", port, path, headers);
  }

  /** {@code method} (GET, HEAD) {@code path} on 127.0.0.1:{@code port} with the headers given, as {@code name, value, ...}. */
  public static HttpResponse<byte[]> send(String method, int port, String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The body as a scraper reads it: gunzipped (every gzip member) when the response says gzip. */
  public static byte[] content(HttpResponse<byte[]> response) {
    if (!"gzip".equals(response.headers().firstValue("Content-Encoding").orElse(""))) {
      return response.body();
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every sample of /metrics in the text format, by its series ({@code name{labels}}), in the order given. */
  public static Map<String, Double> samples(int port) {
    return parse(new String(get(port, "/metrics").body(), java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Every sample of a text or OpenMetrics exposition, by its series ({@code name{labels}}), in the order given. */
  public static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }

  /** The samples of one metric, by series. */
  public static Map<String, Double> of(Map<String, Double> samples, String metric) {
    Map<String, Double> picked = new LinkedHashMap<>();
    samples.forEach((series, value) -> {
      if (series.equals(metric) || series.startsWith(metric + "{")) {
        picked.put(series, value);
      }
    });
    return picked;
  }
}
