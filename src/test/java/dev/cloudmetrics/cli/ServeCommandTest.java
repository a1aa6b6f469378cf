package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.rtc.SimulatedTime;
import dev.cloudmetrics.serve.Scrape;
import dev.cloudmetrics.time.FinalBuckets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --serve} end to end: the real command line against the emulator on simulated time (a
 * simulated Ctrl-C ends it), scraped over loopback at every wake-up between two polls.
 */
class ServeCommandTest {
  static final Instant START = Instant.parse("2024-05-20T04:00:07Z");
  static final String FAST = "cloudmetrics: note: --rate 50 is above the 2 requests per second the API documents for an "
      + "account; what it throttles is retried\n";
  static final Pattern SERVING = Pattern.compile("cloudmetrics: serving http://127\\.0\\.0\\.1:(\\d+)/metrics\n");
  static final List<String> INDICATORS = List.of("online_user_count", "online_room_count");

  @TempDir Path home;

  /** What a run left: exit code, stdout, stderr. */
  record Run(int exitCode, String out, String err) {}

  /** Runs the CLI with the simulated time as clock and sleeper; {@link #port} reads the port it printed. */
  static final class Served {
    final SimulatedTime time;
    final Path home;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    Served(SimulatedTime time, Path home) {
      this.time = time;
      this.home = home;
    }

    Run run(Map<String, String> variables, String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CliEnvironment environment = new CliEnvironment(time, variables,
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
          InputStream.nullInputStream(), false, home, time);
      int code = Main.run(environment, args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    int port() {
      Matcher matcher = SERVING.matcher(err.toString(StandardCharsets.UTF_8));
      assertTrue(matcher.find(), "no serving line yet: " + err);
      return Integer.parseInt(matcher.group(1));
    }
  }

  static Map<String, String> rtcKeys() {
    return ListRealtimeCommandTest.credentials(DemoCredentials.VOLCENGINE.secretAccessKey());
  }

  static Map<String, String> cdnKeys() {
    return Map.of("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey());
  }

  static String rtcSeries(String app, String indicator) {
    return "cloudmetrics_rtc_indicator{app_id=\"" + app + "\",indicator=\"" + indicator + "\"}";
  }

  /** The RTC series of two apps as scraped at each wake-up, checked against the newest final bucket of the poll before. */
  private int serveRtcAndCheckEveryScrape(Emulator emulator, SimulatedTime time, int scrapers) {
    Served served = new Served(time, home);
    List<Instant> polls = new ArrayList<>(List.of(START));
    AtomicInteger checked = new AtomicInteger();
    time.onWake(now -> {
      int port = served.port();
      Instant newest = FinalBuckets.rtc().finalBefore(polls.get(polls.size() - 1)).minusSeconds(30);
      int before = emulator.requestCount();
      scrapeHard(port, scrapers);
      Map<String, Double> samples = Scrape.of(Scrape.samples(port), "cloudmetrics_rtc_indicator");
      Map<String, Double> expected = new HashMap<>();
      for (String app : List.of("app1", "app2")) {
        for (String indicator : INDICATORS) {
          expected.put(rtcSeries(app, indicator), (double) SyntheticData.rtcValue(app, indicator, newest));
        }
      }
      assertEquals(expected, samples, "at " + now + ", newest final bucket " + newest);
      assertEquals(200, Scrape.get(port, "/healthz").statusCode());
      assertEquals(before, emulator.requestCount(), "scrapes and /healthz sent API requests");
      polls.add(now);
      checked.incrementAndGet();
    });
    Run run = served.run(rtcKeys(), "rtc", "list-realtime", "--endpoint", emulator.baseUri().toString(),
        "--app-id", "app1,app2", "--last", "5m", "--rate", "50", "--serve", "127.0.0.1:0");

    assertEquals(ExitCode.OK, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(SERVING.matcher(run.err()).replaceAll("").equals(FAST), run.err());
    assertTrue(checked.get() >= 19, "scraped at " + checked.get() + " wake-ups");
    // One request per app and poll: the first poll at the start, then one at every wake-up.
    assertEquals(2 * polls.size(), emulator.requestCount());
    for (Instant wake : time.wakes()) {
      assertEquals(22, wake.getEpochSecond() % 30, "polled just after a bucket turned final: " + wake);
    }
    return emulator.requestCount();
  }

  /** {@code scrapers} threads scraping at 20 scrapes a second each for a quarter of a second, real time. */
  private static void scrapeHard(int port, int scrapers) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < scrapers; i++) {
      Thread thread = new Thread(() -> {
        for (int n = 0; n < 5; n++) {
          assertEquals(200, Scrape.get(port, "/metrics").statusCode());
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
  }

  @Test
  void rtcScrapesAlwaysShowTheNewestFinalBucketAndTenScrapersCauseTheRequestsOfOne() {
    int alone;
    SimulatedTime quiet = new SimulatedTime(START, START.plus(Duration.ofMinutes(10)));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, quiet, 0, false))) {
      alone = serveRtcAndCheckEveryScrape(emulator, quiet, 1);
    }
    SimulatedTime busy = new SimulatedTime(START, START.plus(Duration.ofMinutes(10)));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, busy, 0, false))) {
      assertEquals(alone, serveRtcAndCheckEveryScrape(emulator, busy, 10));
    }
  }

  @Test
  void cdnPerStreamSeriesAreTheNewestFinalPeaksAndTheExporterCountsItsRequests() {
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(20)));
    List<String> streams = List.of("rtmp://a.example/live/x", "rtmp://b.example/live/y");
    List<String> regions = List.of("CN", "HK");
    FinalBuckets buckets = FinalBuckets.cdn(Duration.ofMinutes(1));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      Served served = new Served(time, home);
      List<Instant> polls = new ArrayList<>(List.of(START));
      time.onWake(now -> {
        Instant newest = buckets.finalBefore(polls.get(polls.size() - 1)).minus(Duration.ofMinutes(1));
        Map<String, Double> samples = Scrape.samples(served.port());
        Map<String, Double> expected = new HashMap<>();
        for (String stream : streams) {
          for (String region : regions) {
            expected.put("cloudmetrics_cdn_online_users{region=\"" + region + "\",stream_url=\"" + stream + "\"}",
                (double) SyntheticData.cdnPeak(stream, region, newest, 1));
          }
        }
        assertEquals(expected, Scrape.of(samples, "cloudmetrics_cdn_online_users"), "at " + now);
        assertEquals(polls.size(), samples.get("cloudmetrics_api_requests_total{api=\"cdn\",outcome=\"success\"}"));
        assertEquals(0.0, samples.get("cloudmetrics_api_requests_total{api=\"cdn\",outcome=\"error\"}"));
        assertEquals((double) polls.get(polls.size() - 1).getEpochSecond(),
            samples.get("cloudmetrics_last_success_timestamp_seconds{api=\"cdn\"}"));
        assertTrue(samples.containsKey("jvm_memory_used_bytes{area=\"heap\"}"), samples.keySet().toString());
        assertTrue(samples.keySet().stream().anyMatch(s -> s.startsWith("process_cpu_seconds_total")));
        polls.add(now);
      });
      Run run = served.run(cdnKeys(), "cdn", "online-users", "--endpoint", emulator.baseUri().toString(),
          "-s", String.join(",", streams), "--regions", "CN,HK", "--per-stream", "-g", "1m", "--rate", "1000",
          "--serve", "127.0.0.1:0");

      assertEquals(ExitCode.OK, run.exitCode(), run.err());
      assertEquals("", SERVING.matcher(run.err()).replaceAll(""));
      // One request per minute: each poll asks for the one bucket that turned final.
      assertEquals(polls.size(), emulator.requestCount());
      assertEquals(19, time.wakes().size(), time.wakes().toString());
      for (Instant wake : time.wakes()) {
        assertEquals(2, wake.getEpochSecond() % 60, "polled just after a bucket turned final: " + wake);
      }
    }
  }

  @Test
  void theExpositionIsNegotiatedAndGzipped() {
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(2)));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      Served served = new Served(time, home);
      List<String> checked = new ArrayList<>();
      time.onWake(now -> {
        int port = served.port();
        HttpResponse<byte[]> open = Scrape.get(port, "/metrics", "Accept",
            "application/openmetrics-text; version=1.0.0; charset=utf-8");
        String openText = new String(open.body(), StandardCharsets.UTF_8);
        assertTrue(open.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
        assertTrue(openText.endsWith("# EOF\n") && openText.contains("cloudmetrics_api_requests_total{api=\"rtc\""),
            openText);
        HttpResponse<byte[]> zipped = Scrape.get(port, "/metrics", "Accept-Encoding", "gzip");
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        String text = new String(Scrape.content(zipped), StandardCharsets.UTF_8);
        assertTrue(text.contains("# TYPE cloudmetrics_rtc_indicator gauge"), text);
        HttpResponse<byte[]> plain = Scrape.get(port, "/metrics");
        assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertEquals(404, Scrape.get(port, "/nothing").statusCode());
        checked.add("at " + now);
      });
      Run run = served.run(rtcKeys(), "rtc", "list-realtime", "--endpoint", emulator.baseUri().toString(),
          "--app-id", "app1", "--serve", "127.0.0.1:0");
      assertEquals(ExitCode.OK, run.exitCode(), run.err());
      assertFalse(checked.isEmpty());
    }
  }

  /** A body with the values of the JVM's and the process's samples taken out: they change from one request to the next. */
  static String withoutJvmValues(String body) {
    StringBuilder kept = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      boolean jvm = line.startsWith("jvm_") || line.startsWith("process_");
      kept.append(jvm ? line.substring(0, line.lastIndexOf(' ')) : line).append('\n');
    }
    return kept.toString();
  }

  static String content(HttpResponse<byte[]> response) {
    return new String(Scrape.content(response), StandardCharsets.UTF_8);
  }

  @Test
  void everyScrapeIsWhatTheClientsOwnHandlerWritesOfTheRegistryAndShowsThePollBefore() {
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(3)));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      Served served = new Served(time, home);
      List<Instant> polls = new ArrayList<>(List.of(START));
      time.onWake(now -> {
        int port = served.port();
        Instant newest = FinalBuckets.rtc().finalBefore(polls.get(polls.size() - 1)).minusSeconds(30);
        Map<String, Double> expected = new HashMap<>();
        for (String app : List.of("app1", "app2")) {
          for (String indicator : INDICATORS) {
            expected.put(rtcSeries(app, indicator), (double) SyntheticData.rtcValue(app, indicator, newest));
          }
        }
        for (String format : List.of("text", "openmetrics")) {
          // ?debug= is the Prometheus client's own handler rendering the same registry with its own writer.
          String own = new String(Scrape.get(port, "/metrics?debug=" + format).body(), StandardCharsets.UTF_8);
          for (String encoding : List.of("identity", "gzip")) {
            String accept = format.equals("text") ? "text/plain; version=0.0.4"
                : "application/openmetrics-text; version=1.0.0; charset=utf-8";
            String body = content(Scrape.get(port, "/metrics", "Accept", accept, "Accept-Encoding", encoding));
            String variant = "at " + now + ", " + format + ", " + encoding;
            assertEquals(withoutJvmValues(own), withoutJvmValues(body), variant);
            assertTrue(body.contains("jvm_memory_used_bytes{area=\"heap\"}"), variant);
            assertEquals(expected, Scrape.of(Scrape.parse(body), "cloudmetrics_rtc_indicator"), variant);
          }
        }
        polls.add(now);
      });
      Run run = served.run(rtcKeys(), "rtc", "list-realtime", "--endpoint", emulator.baseUri().toString(),
          "--app-id", "app1,app2", "--rate", "50", "--serve", "127.0.0.1:0");
      assertEquals(ExitCode.OK, run.exitCode(), run.err());
      assertTrue(polls.size() >= 5, "scraped after " + (polls.size() - 1) + " polls");
    }
  }

  @Test
  void aFailedPollIsOneLineOnStderrCountedAsAnErrorAndMadeUpByTheNextOne() throws IOException {
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(5)));
    Instant downFrom = START.plus(Duration.ofMinutes(1));
    Instant downUntil = START.plus(Duration.ofMinutes(2));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false));
        FlakyFront front = new FlakyFront(emulator.port(), time, t -> !t.isBefore(downFrom) && t.isBefore(downUntil))) {
      Served served = new Served(time, home);
      Map<String, Double> last = new HashMap<>();
      time.onWake(now -> last.putAll(Scrape.samples(served.port())));
      Run run = served.run(rtcKeys(), "rtc", "list-realtime", "--endpoint", front.uri().toString(),
          "--app-id", "app1", "--rate", "50", "--retries", "0", "--serve", "127.0.0.1:0");

      assertEquals(ExitCode.OK, run.exitCode(), run.err());
      List<String> failed = run.err().lines().filter(l -> l.contains("failed")).toList();
      assertEquals(front.refused(), failed.size(), run.err());
      assertEquals(2, failed.size(), run.err());
      assertTrue(failed.stream().allMatch(l -> l.startsWith("cloudmetrics: note: the poll at ")), run.err());
      assertEquals(1, run.err().lines().filter(l -> l.contains("polling works again")).count(), run.err());
      assertEquals(2.0, last.get("cloudmetrics_api_requests_total{api=\"rtc\",outcome=\"error\"}"));
    }
  }

  @Test
  void aPortInUseIsExit2NamingThePortWithNothingSent() throws IOException {
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults());
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      CliRun.Result result = new CliRun(java.time.Clock.systemUTC(), rtcKeys(), home).run("rtc", "list-realtime",
          "--endpoint", emulator.baseUri().toString(), "--app-id", "app1", "--serve", "127.0.0.1:" + port);

      assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
      assertTrue(result.err().startsWith("cloudmetrics: --serve '127.0.0.1:" + port + "': cannot listen on port " + port
          + " of 127.0.0.1 ("), result.err());
      assertEquals(1, result.err().lines().count(), result.err());
      assertEquals(0, emulator.requestCount());
    }
  }

  @Test
  void aMalformedAddressOrServeWithWatchIsExit2WithNothingSent() {
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
      CliRun cli = new CliRun(java.time.Clock.systemUTC(), cdnKeys(), home);
      CliRun.Result noPort = cli.run("cdn", "online-users", "--endpoint", emulator.baseUri().toString(),
          "-s", "rtmp://a/live/x", "--serve", "localhost");
      assertEquals(ExitCode.INVALID_INPUT, noPort.exitCode(), noPort.err());
      assertEquals("cloudmetrics: --serve 'localhost': no port; expected HOST:PORT or :PORT (port 0 picks a free one), "
          + "e.g. 127.0.0.1:9184\n", noPort.err());
      CliRun.Result tooBig = cli.run("cdn", "online-users", "--endpoint", emulator.baseUri().toString(),
          "-s", "rtmp://a/live/x", "--serve", ":70000");
      assertEquals(ExitCode.INVALID_INPUT, tooBig.exitCode(), tooBig.err());
      assertTrue(tooBig.err().startsWith("cloudmetrics: --serve ':70000': a port is 0 to 65535"), tooBig.err());
      CliRun.Result both = cli.run("cdn", "online-users", "--endpoint", emulator.baseUri().toString(),
          "-s", "rtmp://a/live/x", "--serve", "127.0.0.1:0", "--watch");
      assertEquals(ExitCode.INVALID_INPUT, both.exitCode(), both.err());
      assertTrue(both.err().startsWith("cloudmetrics: --serve '127.0.0.1:0' cannot be combined with --watch"), both.err());
      assertEquals(0, emulator.requestCount());
    }
  }
}
