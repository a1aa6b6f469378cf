package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.cli.CliEnvironment;
import dev.cloudmetrics.cli.Main;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.time.FinalBuckets;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item 6 of issue 13: a real Prometheus scrapes {@code --sandbox … --serve 127.0.0.1:0} and its query API has the series. */
class RealPrometheusTest {
  private static final Pattern SERVING = Pattern.compile("cloudmetrics: serving (http://127\\.0\\.0\\.1:\\d+/metrics)\n");

  @TempDir Path home;

  @Test
  void prometheusReadsTheRtcSeriesAndTheExportersOwnMetrics() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment = new CliEnvironment(Clock.systemUTC(), Map.of(), new PrintStream(OutputStreamNull.INSTANCE),
        new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false, home);
    // An empty config file of its own (a missing --config FILE is refused): the user's cannot change the run.
    Path config = Files.createFile(home.resolve("config"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------")));
    AtomicInteger exit = new AtomicInteger(-1);
    Thread exporter = new Thread(() -> exit.set(Main.run(environment, "--config", config.toString(),
        "--sandbox", "rtc", "list-realtime", "--app-id", "app1,app2", "--serve", "127.0.0.1:0")), "exporter");
    exporter.start();
    try {
      URI metrics = URI.create(awaitServing(err));
      try (PrometheusServer prometheus = PrometheusServer.start(metrics, Duration.ofSeconds(1))) {
        List<PrometheusServer.Sample> users = prometheus.awaitSeries(
            "cloudmetrics_rtc_indicator{indicator=\"online_user_count\"}", Duration.ofSeconds(60));
        Instant now = Instant.now();
        assertEquals(Set.of("app1", "app2"), users.stream().map(s -> s.labels().get("app_id")).collect(Collectors.toSet()));
        for (PrometheusServer.Sample sample : users) {
          // The newest final bucket when Prometheus last scraped: this one, or the one before if a poll came since.
          Instant newest = FinalBuckets.rtc().finalBefore(now).minusSeconds(30);
          List<Double> possible = List.of(
              (double) SyntheticData.rtcValue(sample.labels().get("app_id"), "online_user_count", newest),
              (double) SyntheticData.rtcValue(sample.labels().get("app_id"), "online_user_count", newest.minusSeconds(30)),
              (double) SyntheticData.rtcValue(sample.labels().get("app_id"), "online_user_count", newest.minusSeconds(60)));
          assertTrue(possible.contains(sample.value()), sample + " not among " + possible);
          assertEquals("cloudmetrics", sample.labels().get("job"));
        }
        assertEquals(1.0, prometheus.awaitSeries("up{job=\"cloudmetrics\"}", Duration.ofSeconds(30)).get(0).value());
        List<PrometheusServer.Sample> requests = prometheus.awaitSeries(
            "cloudmetrics_api_requests_total{api=\"rtc\",outcome=\"success\"} > 0", Duration.ofSeconds(30));
        assertEquals(1, requests.size(), requests.toString());
        assertEquals(4, prometheus.query("cloudmetrics_api_requests_total{api=\"rtc\"}").size());
        assertTrue(!prometheus.awaitSeries("jvm_memory_used_bytes", Duration.ofSeconds(30)).isEmpty());
        double age = prometheus.awaitSeries("time() - cloudmetrics_last_success_timestamp_seconds{api=\"rtc\"}",
            Duration.ofSeconds(30)).get(0).value();
        assertTrue(age >= 0 && age < 120, "data age " + age);
      }
    } finally {
      exporter.interrupt();
      exporter.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertEquals(0, exit.get(), err.toString(StandardCharsets.UTF_8));
  }

  private static String awaitServing(ByteArrayOutputStream err) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher serving = SERVING.matcher(err.toString(StandardCharsets.UTF_8));
      if (serving.find()) {
        return serving.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no serving line: " + err);
  }

  /** Stdout of an exporter, which prints nothing there. */
  private static final class OutputStreamNull extends java.io.OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {
      throw new AssertionError("the exporter wrote to stdout");
    }
  }
}
