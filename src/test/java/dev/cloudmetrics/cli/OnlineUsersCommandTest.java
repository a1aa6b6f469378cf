package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code cdn online-users} end to end: parsed arguments, signed HTTP over loopback, rendered output. */
class OnlineUsersCommandTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final String STREAM = "rtmp://demo.example/live/a";
  static final String STREAM_B = "rtmp://demo.example/live/b";

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

  String[] args(String... extra) {
    return Stream.concat(
        Stream.of("cdn", "online-users", "--endpoint", emulator.baseUri().toString(), "--tz", "Asia/Shanghai"),
        Stream.of(extra)).toArray(String[]::new);
  }

  @Test
  void mergedCsvForAKnownWindowIsExactlyTheEmulatorsData() {
    CliRun.Result result = cli.run(args("-s", STREAM, "--start", "2024-05-20T10:00", "--end", "2024-05-20T11:00", "-f", "csv"));

    StringBuilder expected = new StringBuilder("time,online_users\n");
    for (int minute = 0; minute <= 60; minute += 5) {
      Instant bucket = Instant.parse("2024-05-20T02:00:00Z").plus(minute, ChronoUnit.MINUTES);
      String time = String.format("2024-05-20T%02d:%02d:00+08:00", 10 + minute / 60, minute % 60);
      expected.append(time).append(',')
          .append(SyntheticData.cdnMergedPeak(List.of(STREAM), List.of("CN"), bucket, 5)).append("\n");
    }
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(expected.toString(), result.out());
    assertEquals("", result.err());
  }

  @Test
  void perStreamRowsAddUpToTheMergedSeries() throws Exception {
    String[] common = {"-s", STREAM + "," + STREAM_B, "--regions", "CN,HK", "--start", "2024-05-20T07:00",
        "--end", "2024-05-20T10:00", "-g", "1h", "-f", "ndjson"}; // final buckets: 11:00 is final from 12:08 on
    CliRun.Result merged = cli.run(args(common));
    CliRun.Result perStream = cli.run(args(Stream.concat(Stream.of(common), Stream.of("--per-stream")).toArray(String[]::new)));

    ObjectMapper json = new ObjectMapper();
    Map<String, Long> sums = new java.util.TreeMap<>();
    for (String line : perStream.out().split("\n")) {
      JsonNode point = json.readTree(line);
      sums.merge(point.get("time").asText(), point.get("online_users").asLong(), Long::sum);
      assertTrue(point.has("stream_url") && point.has("region"), line);
    }
    Map<String, Long> totals = new java.util.TreeMap<>();
    for (String line : merged.out().split("\n")) {
      JsonNode point = json.readTree(line);
      totals.put(point.get("time").asText(), point.get("online_users").asLong());
    }
    assertEquals(4, totals.size());
    assertEquals(totals, sums);
    assertEquals(4 * 2 * 2, perStream.out().split("\n").length);
  }

  @Test
  void jsonIsOneDocumentWithTheColumnsAndPoints() throws Exception {
    CliRun.Result result = cli.run(args("--include-incomplete", "-s", STREAM, "--per-stream", "--last", "30m", "-g", "10", "-f", "json"));

    JsonNode doc = new ObjectMapper().readTree(result.out());
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("cdn online-users", doc.get("command").asText());
    assertEquals("[\"time\",\"stream_url\",\"region\",\"online_users\"]", doc.get("columns").toString());
    assertEquals(4, doc.get("points").size()); // 11:30, 11:40, 11:50, 12:00
    assertEquals(STREAM, doc.get("points").get(0).get("stream_url").asText());
  }

  @Test
  void tableIsAlignedForEyes() {
    CliRun.Result result = cli.run(args("--include-incomplete", "-s", STREAM, "--last", "10m", "-f", "table"));

    List<String> lines = result.out().lines().takeWhile(line -> !line.isEmpty()).toList();
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(lines.get(0).startsWith("TIME"), lines.get(0));
    assertEquals(1, lines.stream().map(String::length).distinct().count(), result.out());
    assertTrue(result.out().contains("\nSERIES        PEAK  PEAK_TIME"), result.out());
  }

  @Test
  void outputFileIsWrittenWholeAndHeaderCanBeLeftOut() throws Exception {
    Path file = home.resolve("viewers.csv");
    CliRun.Result result = cli.run(args("--include-incomplete", "-s", STREAM, "--last", "15m", "-o", file.toString(), "--no-header"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.out());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(4, lines.size());
    assertTrue(lines.get(0).startsWith("2024-05-20T11:45:00+08:00,"), lines.get(0));
  }

  @Test
  void rejectedRequestLeavesAnExistingOutputFileUntouched() throws Exception {
    Path file = home.resolve("viewers.csv");
    Files.writeString(file, "yesterday's data\n");

    CliRun.Result result = cli.run(args("-s", "rtmp://live.unknown.example/app/x", "-o", file.toString()));

    assertEquals(ExitCode.API_REJECTED, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("cloudmetrics: InvalidDomain.NotFound: "), result.err());
    assertTrue(result.err().contains("(request id "), result.err());
    assertEquals("yesterday's data\n", Files.readString(file));
    try (Stream<Path> files = Files.list(home)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void forbiddenDomainIsACredentialsProblem() {
    CliRun.Result result = cli.run(args("-s", "rtmp://live.forbidden.example/app/x"));

    assertEquals(ExitCode.CREDENTIALS, result.exitCode(), result.err());
    assertTrue(result.err().contains("AccessDenied"), result.err());
  }

  @Test
  void wrongSecretIsExitThreeAndNeverShowsTheSecret() {
    CliRun wrong = new CliRun(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(
        "KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(), "KSYUN_SECRET_KEY", "not-the-secret"), home);

    CliRun.Result result = wrong.run(args("-s", STREAM));

    assertEquals(ExitCode.CREDENTIALS, result.exitCode(), result.err());
    assertTrue(result.err().contains("SignatureDoesNotMatch"), result.err());
    assertFalse(result.err().contains("not-the-secret"));
  }

  @Test
  void missingCredentialsNameWhatToSet() {
    CliRun.Result result = new CliRun(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), home).run(args("-s", STREAM));

    assertEquals(ExitCode.CREDENTIALS, result.exitCode());
    assertTrue(result.err().contains("KSYUN_ACCESS_KEY") && result.err().contains("KSYUN_SECRET_KEY"), result.err());
    assertTrue(result.err().contains("config"), result.err());
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void moreThanSevenDaysAreFetchedInSeveralRequestsInsteadOfRefused() {
    CliRun.Result result = cli.run(args("-s", STREAM, "--start", "2024-05-10T00:00", "--end", "2024-05-18T00:00",
        "-g", "1d", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(2, emulator.requestCount());
    assertEquals(1 + 9, result.out().lines().count(), result.out()); // 10 to 18 May, each day once
    assertTrue(result.out().contains("\n2024-05-17T00:00:00+08:00,"), result.out());
    assertTrue(result.out().endsWith("\n2024-05-18T00:00:00+08:00,"
        + SyntheticData.cdnMergedPeak(List.of(STREAM), List.of("CN"), Instant.parse("2024-05-17T16:00:00Z"), 1440)
        + "\n"), result.out());
  }

  @Test
  void moreThanTenThousandDataPointsAreFetchedInSeveralRequestsInsteadOfRefused() {
    // 3 regions x 2 streams x 7 days / 5 min = 12096 points: two requests, every bucket once.
    CliRun.Result result = cli.run(args("--include-incomplete", "-s", STREAM + "," + STREAM_B, "--per-stream", "--regions", "CN,HK,AS",
        "--last", "7d", "-g", "5", "-f", "csv", "--rate", "50"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(2, emulator.requestCount());
    assertEquals(1 + (7 * 288 + 1) * 6, result.out().lines().count());
    assertEquals(result.out().lines().count() - 1, result.out().lines().skip(1).distinct().count());
    assertEquals("", result.err());
  }

  @Test
  void dryRunShowsTheSignedRequestWithoutSecretsAndSendsNothing() {
    CliRun.Result result = cli.run(args("--include-incomplete", "-s", STREAM + "?token=abc", "--last", "1h", "--dry-run"));

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("Plan: 1 request(s) for 13 bucket(s) of 5 min"), result.out());
    assertTrue(result.out().contains("\nPOST "), result.out());
    assertTrue(result.out().contains("/2016-09-01/statistics/GetLiveOnlineUserDataByStream"), result.out());
    assertTrue(result.out().contains("StreamUrls=rtmp%3A%2F%2Fdemo.example%2Flive%2Fa&"), result.out());
    assertTrue(result.out().contains("CdnType=live"), result.out());
    assertFalse(result.out().contains(DemoCredentials.KSYUN.secretAccessKey()));
    assertFalse(result.out().matches("(?s).*Signature=[0-9a-f]{64}.*"), result.out());
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void streamsComeFromAFileOrStdin() {
    CliRun.Result result = cli.withStdin("# our channels\n" + STREAM + "\n\n" + STREAM_B + "/index.m3u8\n")
        .run(args("--include-incomplete", "--streams-file", "-", "--per-stream", "--last", "5m", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("," + STREAM + ",CN,"), result.out());
    assertTrue(result.out().contains("," + STREAM_B + ",CN,"), result.out());
  }

  @Test
  void boundsAreMovedToWholeMinutesAndTheUserIsTold() {
    CliRun.Result result = cli.run(args("-s", STREAM, "--start", "2024-05-20T10:00:30", "--end", "2024-05-20T10:10"));

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.err().contains("--start"), result.err());
    assertTrue(result.err().contains("2024-05-20T10:00:00+08:00"), result.err());
  }

  static Stream<Arguments> refusedLocally() {
    return Stream.of(
        Arguments.of(List.of("-s", STREAM, "--start", "yesterday-ish"), "InvalidStartTime.Malformed", "--start"),
        Arguments.of(List.of("-s", STREAM, "--end", "2024-13-45T99:00"), "InvalidEndTime.Malformed", "--end"),
        Arguments.of(List.of("-s", STREAM, "--start", "2024-05-20T11:00", "--end", "2024-05-20T10:00"), "InvalidEndTime.Mismatch", "--end"),
        Arguments.of(List.of("-s", STREAM, "--start", "2024-03-01T00:00", "--end", "2024-03-02T00:00"), "InvalidTime", "62 days"),
        Arguments.of(List.of("-s", STREAM, "--regions", "CN,XX"), "InvalidRegion", "XX"),
        Arguments.of(List.of("-s", STREAM, "--result-type", "2"), "InvalidResultType", "2"),
        Arguments.of(List.of("-s", STREAM, "-g", "7"), "InvalidGranularity", "7"),
        Arguments.of(List.of("--last", "1h"), "RequiresInputValue", "--stream"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("refusedLocally")
  void whatTheApiWouldRefuseIsRefusedBeforeSending(List<String> extra, String code, String detail) {
    CliRun.Result result = cli.run(args(extra.toArray(String[]::new)));

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("cloudmetrics: " + code + ": "), result.err());
    assertTrue(result.err().contains(detail), result.err());
    assertEquals("", result.out());
    assertEquals(0, emulator.requestCount());
  }
}
