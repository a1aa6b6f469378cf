package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.output.InfluxLines;
import dev.cloudmetrics.output.PrometheusExposition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The output formats and options of issue 5 through the real command line, against the emulator over loopback. */
class FormatsCommandTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String STREAM_A = "rtmp://demo.example/live/a";
  static final String STREAM_B = "rtmp://demo.example/live/b";
  static final Instant LAST_BUCKET = Instant.parse("2024-05-20T03:00:00Z"); // 11:00 in Beijing

  @TempDir Path home;
  Emulator emulator;

  @BeforeEach
  void start() {
    emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  static Map<String, String> credentials() {
    return Map.of(
        "KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey(),
        "VOLCENGINE_ACCESS_KEY", DemoCredentials.VOLCENGINE.accessKeyId(),
        "VOLCENGINE_SECRET_KEY", DemoCredentials.VOLCENGINE.secretAccessKey());
  }

  CliRun.Result run(String... args) {
    return new CliRun(CLOCK, credentials(), home).run(args);
  }

  /** A run whose stdout is a terminal, with extra environment variables. */
  CliRun.Result runOnTerminal(Map<String, String> extra, String... args) {
    Map<String, String> variables = new HashMap<>(credentials());
    variables.putAll(extra);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment = new CliEnvironment(CLOCK, variables,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), true, home);
    int code = Main.run(environment, args);
    return new CliRun.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  String[] cdn(String... extra) {
    return Stream.concat(Stream.of("cdn", "online-users", "--endpoint", emulator.baseUri().toString(),
        "--tz", "Asia/Shanghai", "-s", STREAM_A + "," + STREAM_B, "--per-stream",
        "--start", "2024-05-20T10:00", "--end", "2024-05-20T11:00"), Stream.of(extra)).toArray(String[]::new);
  }

  String[] rtc(String... extra) {
    return Stream.concat(Stream.of("rtc", "list-realtime", "--endpoint", emulator.baseUri().toString(),
        "--tz", "Asia/Shanghai", "--app-id", "app1,app2", "--start", "2024-05-20T11:50:00", "--end", "2024-05-20T11:51:00"),
        Stream.of(extra)).toArray(String[]::new);
  }

  @Test
  void prometheusIsTheLatestBucketOfEveryStreamAndRegion() {
    CliRun.Result result = run(cdn("--regions", "CN,HK", "-f", "prometheus"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.err());
    PrometheusExposition.Family family = PrometheusExposition.parse(result.out()).get("cloudmetrics_cdn_online_users");
    assertEquals(Optional.of("gauge"), family.type());
    assertEquals(4, family.samples().size());
    for (PrometheusExposition.Sample sample : family.samples()) {
      String stream = sample.labels().get("stream_url");
      String region = sample.labels().get("region");
      assertEquals(SyntheticData.cdnPeak(stream, region, LAST_BUCKET, 5), (long) sample.value(), sample.toString());
      assertEquals(Optional.empty(), sample.timestamp());
    }
  }

  @Test
  void prometheusIntoATextfileCollectorDirectoryIsOneWholeFile() throws Exception {
    Path directory = Files.createDirectories(home.resolve("textfile"));
    Path file = directory.resolve("cloudmetrics.prom");

    CliRun.Result result = run(rtc("-f", "prometheus", "--timestamps", "-o", file.toString()));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.out());
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of(file), files.toList());
    }
    PrometheusExposition.Family family = PrometheusExposition.parse(Files.readString(file))
        .get("cloudmetrics_rtc_indicator");
    assertEquals(4, family.samples().size());
    Instant last = Instant.parse("2024-05-20T03:51:00Z");
    for (PrometheusExposition.Sample sample : family.samples()) {
      assertEquals(SyntheticData.rtcValue(sample.labels().get("app_id"), sample.labels().get("indicator"), last),
          (long) sample.value());
      assertEquals(Optional.of(last.toEpochMilli()), sample.timestamp());
    }
  }

  @Test
  void influxHasEveryPointWithNanosecondTimestamps() {
    CliRun.Result result = run(rtc("-f", "influx"));

    assertEquals(0, result.exitCode(), result.err());
    List<InfluxLines.Point> points = InfluxLines.parse(result.out());
    assertEquals(3 * 2 * 2, points.size()); // 11:50:00, 11:50:30, 11:51:00; two apps; two indicators
    for (InfluxLines.Point point : points) {
      Instant bucket = Instant.ofEpochSecond(0, point.timestamp().orElseThrow());
      assertEquals("cloudmetrics_rtc", point.measurement());
      assertEquals(SyntheticData.rtcValue(point.tags().get("app_id"), point.tags().get("indicator"), bucket),
          point.fields().get("value").longValue());
    }
  }

  @Test
  void chartFitsTheColumnsAndNamesEverySeries() {
    CliRun result = new CliRun(CLOCK, with(credentials(), "COLUMNS", "60"), home);

    CliRun.Result chart = result.run(cdn("-f", "chart"));

    assertEquals(0, chart.exitCode(), chart.err());
    List<String> lines = chart.out().lines().toList();
    assertTrue(lines.get(0).startsWith("online_users"), chart.out());
    lines.stream().filter(line -> line.contains("┤") || line.contains("└"))
        .forEach(line -> assertTrue(line.length() <= 60, line));
    assertTrue(lines.stream().anyMatch(line -> line.contains("└") && line.length() == 60), chart.out());
    assertTrue(chart.out().contains(STREAM_A + " CN\n      peak ") && chart.out().contains(STREAM_B + " CN\n      peak "),
        chart.out());
    lines.forEach(line -> assertTrue(line.length() <= 60, line));
    assertTrue(chart.out().contains("(Asia/Shanghai)"), chart.out());
    assertFalse(chart.out().contains("\u001B"), "no colour when stdout is not a terminal");
  }

  @Test
  void chartIsColouredOnATerminalButNeverWithNoColorOrIntoAFile() throws Exception {
    CliRun.Result coloured = runOnTerminal(Map.of(), cdn("-f", "chart"));
    CliRun.Result noColor = runOnTerminal(Map.of("NO_COLOR", "1"), cdn("-f", "chart"));
    Path file = home.resolve("chart.txt");
    CliRun.Result toFile = runOnTerminal(Map.of(), cdn("-f", "chart", "-o", file.toString()));

    assertEquals(0, coloured.exitCode(), coloured.err());
    assertTrue(coloured.out().contains("\u001B[36m"), coloured.out());
    assertEquals(0, noColor.exitCode(), noColor.err());
    assertFalse(noColor.out().contains("\u001B"), noColor.out());
    assertEquals(noColor.out(), coloured.out().replaceAll("\u001B\\[[0-9;]*m", ""));
    assertEquals(0, toFile.exitCode(), toFile.err());
    assertFalse(Files.readString(file).contains("\u001B"));
  }

  @Test
  void wideCsvWithAByteOrderMarkIsOneRowPerTimeAndExcelAlsoEndsLinesInCrlf() throws Exception {
    Path file = home.resolve("viewers.csv");
    Path excel = home.resolve("excel.csv");

    CliRun.Result result = run(cdn("-f", "csv", "--layout", "wide", "--bom", "-o", file.toString()));
    CliRun.Result alias = run(cdn("-f", "csv", "--layout", "wide", "--excel", "-o", excel.toString()));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(0, alias.exitCode(), alias.err());
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
    assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("\r"));
    assertEquals(new String(bytes, StandardCharsets.UTF_8).replace("\n", "\r\n"), Files.readString(excel));
    List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertEquals("time," + STREAM_A + " CN," + STREAM_B + " CN", lines.get(0));
    assertEquals(1 + 13, lines.size()); // 10:00 .. 11:00 every 5 minutes
    assertEquals("2024-05-20T11:00:00+08:00," + SyntheticData.cdnPeak(STREAM_A, "CN", LAST_BUCKET, 5) + ","
        + SyntheticData.cdnPeak(STREAM_B, "CN", LAST_BUCKET, 5), lines.get(13));
  }

  @Test
  void timesCanBeLocalWallTimeOrEpochSeconds() {
    CliRun.Result local = run(cdn("-f", "csv", "--time-format", "local", "--no-header"));
    CliRun.Result epoch = run(cdn("-f", "csv", "--time-format", "epoch", "--no-header"));

    assertEquals(0, local.exitCode(), local.err());
    assertTrue(local.out().startsWith("2024-05-20 10:00:00," + STREAM_A + ",CN,"), local.out());
    assertTrue(epoch.out().startsWith("1716170400," + STREAM_A + ",CN,"), epoch.out());
  }

  @Test
  void theTableEndsWithTheSummaryOfEverySeries() {
    CliRun.Result result = run(rtc("-f", "table", "--layout", "wide"));

    assertEquals(0, result.exitCode(), result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.get(0).startsWith("TIME  ") && lines.get(0).contains("app2 online_room_count"), lines.get(0));
    int summary = lines.indexOf("") + 1;
    assertEquals(5, summary); // the header, three times and a blank line
    assertTrue(lines.get(summary).matches("SERIES +PEAK +PEAK_TIME +AVERAGE"), lines.get(summary));
    long peak = Stream.of("03:50:00", "03:50:30", "03:51:00")
        .mapToLong(t -> SyntheticData.rtcValue("app1", "online_user_count", Instant.parse("2024-05-20T" + t + "Z")))
        .max().orElseThrow();
    assertTrue(lines.get(summary + 1).matches("app1 online_user_count +" + peak + " +2024-05-20T11:5.*"), lines.get(summary + 1));
    assertEquals(summary + 5, lines.size());
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(List.of("-f", "json", "--layout", "wide"), "--layout 'wide': only for csv and table, not -f json"),
        Arguments.of(List.of("-f", "table", "--bom"), "--bom: only for csv, not -f table"),
        Arguments.of(List.of("-f", "csv", "--timestamps"), "--timestamps: only for prometheus, not -f csv"),
        Arguments.of(List.of("-f", "chart", "--time-format", "epoch"), "--time-format 'epoch': only for csv and table"),
        Arguments.of(List.of("--layout", "tall"), "'tall': must be one of long, wide"),
        Arguments.of(List.of("--time-format", "unix"), "'unix': must be one of iso, local, epoch"),
        Arguments.of(List.of("-f", "xml"), "must be one of table, csv, json, ndjson, prometheus, influx, chart"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void optionsTheFormatCannotHonourAreRefusedBeforeAnythingIsSent(List<String> options, String message) throws Exception {
    Path file = home.resolve("out.txt");
    List<String> args = new java.util.ArrayList<>(List.of(cdn(options.toArray(String[]::new))));
    args.addAll(List.of("-o", file.toString()));

    CliRun.Result result = run(args.toArray(String[]::new));

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("cloudmetrics: "), result.err());
    assertTrue(result.err().lines().findFirst().orElseThrow().contains(message), result.err());
    assertEquals("", result.out());
    assertEquals(0, emulator.requestCount());
    assertFalse(Files.exists(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rtc list-realtime", "cdn online-users"})
  void helpShowsEveryOutputOptionWithItsValues(String command) {
    List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
    args.add("--help");

    CliRun.Result result = run(args.toArray(String[]::new));

    assertEquals(0, result.exitCode());
    String help = result.out().replaceAll("\\s+", " ");
    for (String expected : List.of("table, csv, json, ndjson, prometheus, influx or chart", "--layout=LAYOUT",
        "long (default", "wide (one row per time", "--time-format=TF", "iso (default", "local (", "epoch (seconds)",
        "--bom", "--excel", "byte-order mark", "CRLF", "--color=WHEN", "--timestamps", "Prometheus:")) {
      assertTrue(help.contains(expected), expected + " missing from:\n" + result.out());
    }
  }

  private static Map<String, String> with(Map<String, String> variables, String name, String value) {
    Map<String, String> all = new HashMap<>(variables);
    all.put(name, value);
    return all;
  }
}
