package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.cdn.OnlineUsersClient;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.output.Layout;
import dev.cloudmetrics.output.OutputFormat;
import dev.cloudmetrics.output.RenderOptions;
import dev.cloudmetrics.output.RenderedText;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.Terminal;
import dev.cloudmetrics.output.TimeFormat;
import dev.cloudmetrics.time.Sleeper;
import dev.cloudmetrics.time.TimeExpressions;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code cdn online-users} over windows and stream lists one request cannot carry, end to end
 * against the emulator, which refuses any request that breaks a limit of the API.
 */
class PlannedRunsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Duration DAY = Duration.ofDays(1);
  static final int DAYS = 30;
  static final int STREAMS = 40;

  @TempDir Path home;
  Emulator emulator;
  CliRun cli;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    emulator = Emulator.start(new EmulatorOptions(0, clock, 0, false));
    cli = new CliRun(clock, Map.of(
        "KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey()), home);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  /** Planning and stitching compare with one unlimited request up to now: the buckets not final yet included. */
  String[] args(String... extra) {
    return Stream.concat(Stream.of("cdn", "online-users", "--endpoint", emulator.baseUri().toString(), "--tz",
        "Asia/Shanghai", "--include-incomplete"), Stream.of(extra)).toArray(String[]::new);
  }

  static List<String> streams(int count) {
    return IntStream.range(0, count).mapToObj(i -> "rtmp://demo.example/live/channel-" + i).toList();
  }

  static Instant beijing(String local) {
    return Instant.parse(local + ":00+08:00");
  }

  /** What one request without limits would answer at {@link #NOW}, in the API's order: by bucket, stream, region. */
  static List<Row> unlimited(List<String> streams, List<String> regions, Duration bucket, boolean perStream,
      Instant first, Instant last) {
    List<Row> rows = new ArrayList<>();
    int minutes = (int) bucket.toMinutes();
    for (Instant at = first; !at.isAfter(last); at = at.plus(bucket)) {
      if (!perStream) {
        rows.add(new Row(at, List.of(), BigDecimal.valueOf(SyntheticData.cdnMergedPeak(streams, regions, at, minutes, NOW))));
        continue;
      }
      for (String stream : streams) {
        for (String region : regions) {
          rows.add(new Row(at, List.of(stream, region), BigDecimal.valueOf(SyntheticData.cdnPeak(stream, region, at,
              minutes, NOW))));
        }
      }
    }
    return rows;
  }

  static String rendered(OutputFormat format, boolean perStream, List<Row> rows) {
    return rendered(new RenderOptions(format, true, SHANGHAI), perStream, rows);
  }

  static String rendered(RenderOptions options, boolean perStream, List<Row> rows) {
    return RenderedText.of(options, OnlineUsersClient.schema(perStream), rows);
  }

  static String format(OutputFormat format) {
    return format.name().toLowerCase(Locale.ROOT);
  }

  @Test
  void sixtyTwoDaysOfDaysMergedAreEveryDayOnceFromEightRequests() {
    List<String> streams = streams(3);
    CliRun.Result result = cli.run(args("-s", String.join(",", streams), "--regions", "CN,HK", "-g", "1d",
        "--last", "62d", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(rendered(OutputFormat.CSV, false, unlimited(streams, List.of("CN", "HK"), DAY, false,
        beijing("2024-03-19T00:00"), beijing("2024-05-20T00:00"))), result.out());
    assertEquals(63 + 1, result.out().lines().count());
    assertEquals(8, emulator.requestCount());
    // The start, exactly 62 days ago, is moved a minute in; nothing else is said without a terminal.
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().contains("62-day edge"), result.err());
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void aSingleRequestPrintsWhatOneUnlimitedRequestWouldGive(OutputFormat format) {
    List<String> streams = streams(2);
    CliRun.Result result = cli.run(args("-s", String.join(",", streams), "--regions", "CN,HK", "--per-stream",
        "-g", "1h", "--start", "2024-05-19T22:30", "--end", "2024-05-20T02:00", "-f", format(format)));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(1, emulator.requestCount());
    assertEquals(rendered(format, true, unlimited(streams, List.of("CN", "HK"), Duration.ofHours(1), true,
        beijing("2024-05-19T22:00"), beijing("2024-05-20T02:00"))), result.out());
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void streamBatchesAndTimeCutsAreStitchedToTheSameBytes(OutputFormat format) {
    List<String> streams = streams(3500);
    List<String> regions = List.of("CN", "HK", "AS");
    CliRun.Result result = cli.withStdin(String.join("\n", streams)).run(args("--streams-file", "-", "--per-stream",
        "--regions", String.join(",", regions), "-g", "1h", "--start", "2024-05-20T08:00", "--end", "2024-05-20T11:00",
        "-f", format(format)));

    assertEquals(0, result.exitCode(), result.err());
    // 2389 streams (7167 series) take 2 hours a request, the other 1111 (3333 series) all 4 in one.
    assertEquals(3, emulator.requestCount());
    assertEquals(rendered(format, true, unlimited(streams, regions, Duration.ofHours(1), true,
        beijing("2024-05-20T08:00"), beijing("2024-05-20T11:00"))), result.out());
  }

  @ParameterizedTest
  @EnumSource(value = OutputFormat.class, names = {"CSV", "TABLE"})
  void theWideLayoutOfAPlannedRunIsTheSameBytes(OutputFormat format) {
    List<String> streams = streams(3500);
    List<String> regions = List.of("CN", "HK", "AS");
    CliRun.Result result = cli.withStdin(String.join("\n", streams)).run(args("--streams-file", "-", "--per-stream",
        "--regions", String.join(",", regions), "-g", "1h", "--start", "2024-05-20T08:00", "--end", "2024-05-20T11:00",
        "-f", format(format), "--layout", "wide"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(3, emulator.requestCount());
    assertEquals(rendered(new RenderOptions(format, true, SHANGHAI, Layout.WIDE, TimeFormat.ISO, false, false,
        Terminal.PLAIN), true, unlimited(streams, regions, Duration.ofHours(1), true, beijing("2024-05-20T08:00"),
        beijing("2024-05-20T11:00"))), result.out());
  }

  @Test
  void minuteBucketsCutInTimeAreStitchedToTheSameBytes() {
    List<String> streams = streams(2);
    CliRun.Result result = cli.run(args("-s", String.join(",", streams), "--regions", "CN,HK", "--per-stream",
        "-g", "1m", "--start", "2024-05-17T11:59", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(2, emulator.requestCount()); // 4 series take 2501 minutes a request
    assertEquals(rendered(OutputFormat.CSV, true, unlimited(streams, List.of("CN", "HK"), Duration.ofMinutes(1), true,
        beijing("2024-05-17T11:59"), beijing("2024-05-20T12:00"))), result.out());
  }

  @Test
  void aMonthOfMinutesPerStreamAndRegionIsEveryBucketOfTheEmulatorsData() throws IOException {
    List<String> streams = streams(STREAMS);
    List<String> regions = List.of("CN", "HK", "AS");
    Path file = home.resolve("month.csv");
    CliRun.Result result = cli.withStdin(String.join("\n", streams)).run(args("--streams-file", "-", "--per-stream",
        "--regions", String.join(",", regions), "-g", "1m", "--last", DAYS + "d", "-f", "csv", "-o", file.toString(),
        "--rate", "1000", "--concurrency", "4"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.out());
    Instant first = NOW.minus(Duration.ofDays(DAYS));
    try (BufferedReader lines = Files.newBufferedReader(file)) {
      assertEquals("time,stream_url,region,online_users", lines.readLine());
      for (Instant at = first; !at.isAfter(NOW); at = at.plusSeconds(60)) {
        String time = TimeExpressions.format(at, SHANGHAI);
        for (String stream : streams) {
          for (String region : regions) {
            String expected = time + "," + stream + "," + region + "," + SyntheticData.cdnPeak(stream, region, at, 1, NOW);
            String line = lines.readLine();
            if (!expected.equals(line)) {
              assertEquals(expected, line);
            }
          }
        }
      }
      assertEquals(null, lines.readLine());
    }
  }

  @Test
  void aRejectedStreamInALaterBatchStopsTheRunWithNoBucketHalfWritten() throws IOException {
    List<String> streams = new ArrayList<>(streams(3499));
    streams.add("rtmp://live.unknown.example/app/x");
    Path file = home.resolve("viewers.csv");
    Files.writeString(file, "yesterday's data\n");

    CliRun.Result toStdout = cli.withStdin(String.join("\n", streams)).run(args("--streams-file", "-",
        "--per-stream", "--regions", "CN,HK,AS", "-g", "1h", "--start", "2024-05-20T08:00", "--end", "2024-05-20T11:00", "--concurrency", "1"));
    CliRun.Result toFile = cli.withStdin(String.join("\n", streams)).run(args("--streams-file", "-",
        "--per-stream", "--regions", "CN,HK,AS", "-g", "1h", "--start", "2024-05-20T08:00", "--end", "2024-05-20T11:00", "-o", file.toString()));

    assertEquals(ExitCode.API_REJECTED, toStdout.exitCode(), toStdout.err());
    assertEquals(1, toStdout.err().lines().count(), toStdout.err());
    assertTrue(toStdout.err().startsWith("cloudmetrics: InvalidDomain.NotFound: "), toStdout.err());
    assertTrue(toStdout.err().contains("live.unknown.example"), toStdout.err());
    assertTrue(toStdout.err().contains("request 2 of 3 (2024-05-20T08:00:00+08:00 to 2024-05-20T11:00:00+08:00,"
        + " streams 2390-3500 of 3500) failed"), toStdout.err());
    assertTrue(toStdout.err().contains("nothing was written"), toStdout.err());
    // The first batch's rows came back, but not one bucket is complete without the second's.
    assertEquals("", toStdout.out());
    assertEquals(ExitCode.API_REJECTED, toFile.exitCode(), toFile.err());
    assertTrue(toFile.err().contains("the --output file was left as it was"), toFile.err());
    assertEquals("yesterday's data\n", Files.readString(file));
  }

  /** A run whose standard streams are all a terminal, as {@link CliRun} runs one where none is. */
  CliRun.Result onTerminal(String... args) {
    return onTerminal(TerminalStreams.ALL, args);
  }

  CliRun.Result onTerminal(TerminalStreams streams, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment terminal = new CliEnvironment(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(
        "KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey()),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), streams, home, Sleeper.real());
    int code = Main.run(terminal, args);
    return new CliRun.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onATerminalABarShowsTheProgressAndIsWipedAtTheEnd() {
    Path file = home.resolve("days.csv");
    CliRun.Result result = onTerminal(args("-s", "rtmp://demo.example/live/a", "-g", "1d", "--start",
        "2024-04-01T00:00", "-o", file.toString()));

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("\r[--------------------] 0/7 requests, 0 rows"), result.err());
    assertTrue(result.err().contains("] 7/7 requests, 50 rows, "), result.err());
    assertTrue(result.err().matches("(?s).*\r {40,}\rcloudmetrics: wrote 50 rows, 1 series, buckets "
        + "2024-04-01T00:00\\+08:00 to 2024-05-20T00:00\\+08:00, to .*days.csv\n"), result.err());
    assertEquals(1, result.err().chars().filter(c -> c == '\n').count(), result.err());
  }

  @Test
  void theBarNeedsOnlyStderrOnATerminalAsWhenStdoutIsRedirectedToAFile() {
    // `--last 10d > m.csv` in a terminal: stdout is a file, stderr still the terminal.
    TerminalStreams stderrOnly = new TerminalStreams(true, false, true, 100, 40);
    CliRun.Result redirected = onTerminal(stderrOnly, args("-s", "rtmp://demo.example/live/a", "-g", "1d", "--start",
        "2024-04-01T00:00"));
    CliRun.Result piped = onTerminal(new TerminalStreams(false, true, false, 100, 40),
        args("-s", "rtmp://demo.example/live/a", "-g", "1d", "--start", "2024-04-01T00:00", "-f", "table"));

    assertEquals(0, redirected.exitCode(), redirected.err());
    assertTrue(redirected.out().startsWith("time,online_users\n"), redirected.out());
    assertTrue(redirected.err().startsWith("\r[--------------------] 0/7 requests, 0 rows"), redirected.err());
    assertEquals(0, piped.exitCode(), piped.err());
    assertEquals("", piped.err());
  }

  @Test
  void rowsStreamingToTheTerminalShowTheProgressThemselves() {
    CliRun.Result result = onTerminal(args("-s", "rtmp://demo.example/live/a", "-g", "1d", "--start",
        "2024-04-01T00:00", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(51, result.out().lines().count());
    assertEquals("", result.err());
  }

  @Test
  void withVerboseTheProgressIsPlainLinesForALog() {
    CliRun.Result result = cli.run(Stream.concat(Stream.of("-v"), Stream.of(args("-s", "rtmp://demo.example/live/a",
        "-g", "1d", "--start", "2024-04-01T00:00"))).toArray(String[]::new));

    assertEquals(0, result.exitCode(), result.err());
    assertFalse(result.err().contains("\r"), result.err());
    assertTrue(result.err().lines().anyMatch(line -> line.startsWith("cloudmetrics: 7/7 requests, 50 rows, ")),
        result.err());
    assertEquals(7, result.err().lines().filter(line -> line.contains(" GetLiveOnlineUserDataByStream 200 ")).count(),
        result.err());
  }

  @Test
  void dryRunPrintsThePlanAndTheFirstRequestAndSendsNothing() {
    CliRun.Result result = cli.run(args("-s", "rtmp://demo.example/live/a", "-g", "1d", "--last", "62d",
        "--dry-run"));

    List<String> lines = result.out().lines().toList();
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(lines.get(0).startsWith("Plan: 8 request(s) for 63 bucket(s) of 1440 min"), lines.get(0));
    assertTrue(lines.get(2).matches(" +1  2024-03-19T12:01:00\\+08:00  2024-03-26T00:00:00\\+08:00 +8  1-1 of 1 +7"),
        lines.get(2));
    assertTrue(lines.get(3).matches(" +2  2024-03-27T00:00:00\\+08:00  2024-04-03T00:00:00\\+08:00 +8  1-1 of 1 +7"),
        lines.get(3));
    assertTrue(lines.contains("Total: 8 request(s), 56 data points"), result.out());
    assertTrue(result.out().contains("POST " + emulator.baseUri() + "/2016-09-01/statistics/"), result.out());
    assertTrue(result.out().contains("StartTime=2024-03-19T12%3A01%2B0800&EndTime=2024-03-26T00%3A00%2B0800"),
        result.out());
    assertFalse(result.out().contains(DemoCredentials.KSYUN.secretAccessKey()));
    assertFalse(result.out().matches("(?s).*Signature=[0-9a-f]{64}.*"), result.out());
    assertEquals(0, emulator.requestCount());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "--concurrency, 0", "--concurrency, 65", "--concurrency, many", "--rate, 0", "--rate, -1", "--rate, NaN",
    "--rate, 5/s", "--rate, 1001",
  })
  void concurrencyAndRateOutsideTheirRangeAreRefusedNamingTheFlag(String flag, String value) {
    CliRun.Result result = cli.run(args("-s", "rtmp://demo.example/live/a", flag, value));

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("cloudmetrics: " + flag + " '" + value + "': "), result.err());
    assertEquals(0, emulator.requestCount());
  }
}
