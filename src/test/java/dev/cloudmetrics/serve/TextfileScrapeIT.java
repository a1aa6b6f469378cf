package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher prints with {@code --sandbox ... -f prometheus} (the node_exporter textfile
 * path) is read by a real Prometheus as the same series and values, the shipped rules record the
 * per-stream sums from it, and the dashboard's viewers query finds it.
 */
class TextfileScrapeIT {
  private static final Pattern SAMPLE = Pattern.compile("(?m)^cloudmetrics_cdn_online_users\\{stream_url=\"([^\"]*)\",region=\"([^\"]*)\"} (\\d+)$");
  private static final Duration AWAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void prometheusReadsTheSandboxsViewersAndTheRulesSumThem() throws Exception {
    // A window that ends 15 minutes ago: every bucket in it is final (8 minutes' latency).
    String printed = run("--sandbox", "cdn", "online-users", "-s", "rtmp://demo.example/live/a", "-s", "rtmp://demo.example/live/b",
        "--per-stream", "--regions", "CN,HK", "--start", "now-45m", "--end", "now-15m", "-f", "prometheus");
    Map<List<String>, Double> expected = new HashMap<>();
    Map<List<String>, Double> perStream = new HashMap<>();
    Matcher sample = SAMPLE.matcher(printed);
    while (sample.find()) {
      double viewers = Double.parseDouble(sample.group(3));
      expected.put(List.of(sample.group(1), sample.group(2)), viewers);
      perStream.merge(List.of(sample.group(1)), viewers, Double::sum);
    }
    assertEquals(4, expected.size(), printed);
    assertTrue(expected.values().stream().allMatch(v -> v > 0), "final buckets have viewers: " + printed);

    try (MetricsTarget textfile = MetricsTarget.serve(() -> printed);
        PrometheusServer prometheus = PrometheusServer.start(textfile.uri(), Duration.ofSeconds(1), List.of(PrometheusRulesTest.RULES))) {
      assertEquals(expected, PrometheusServerTest.byLabels(prometheus.awaitSeries("cloudmetrics_cdn_online_users", AWAIT), "stream_url", "region"));
      assertEquals(perStream, PrometheusServerTest.byLabels(prometheus.awaitSeries("stream_url:cloudmetrics_cdn_online_users:sum", AWAIT), "stream_url"));
      String viewersPanel = "sum by (stream_url) (cloudmetrics_cdn_online_users{stream_url=~\".*\", region=~\".*\"})";
      assertEquals(perStream, PrometheusServerTest.byLabels(prometheus.awaitSeries(viewersPanel, AWAIT), "stream_url"));
    }
  }

  /** The launcher's stdout for {@code args}; it must succeed without a word on stderr. */
  private String run(String... args) throws IOException, InterruptedException {
    Path launcher = Path.of(System.getProperty("cloudmetrics.launcher", "dist/cloudmetrics"));
    ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList());
    builder.environment().put("CLOUDMETRICS_CDS", "off");
    builder.environment().put("HOME", dir.resolve("home").toString());
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("the launcher did not finish");
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), stderr);
    assertEquals("", stderr);
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertFalse(stdout.isEmpty());
    return stdout;
  }
}
