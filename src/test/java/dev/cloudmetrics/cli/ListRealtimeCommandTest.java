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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
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

/** {@code rtc list-realtime} end to end against the emulator over loopback. */
class ListRealtimeCommandTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path home;
  Emulator emulator;
  CliRun cli;

  @BeforeEach
  void start() {
    emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false));
    cli = new CliRun(CLOCK, credentials(DemoCredentials.VOLCENGINE.secretAccessKey()), home);
  }

  static Map<String, String> credentials(String secret) {
    return Map.of("VOLCENGINE_ACCESS_KEY", DemoCredentials.VOLCENGINE.accessKeyId(), "VOLCENGINE_SECRET_KEY", secret);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  String[] args(String... extra) {
    return Stream.concat(
        Stream.of("rtc", "list-realtime", "--endpoint", emulator.baseUri().toString(), "--tz", "Asia/Shanghai"),
        Stream.of(extra)).toArray(String[]::new);
  }

  @Test
  void csvForAKnownWindowIsExactlyTheEmulatorsData() {
    CliRun.Result result = cli.run(args("--app-id", "app1", "--start", "2024-05-20T11:50:00", "--end", "2024-05-20T11:51:00", "-f", "csv"));

    StringBuilder expected = new StringBuilder("time,app_id,indicator,value\n");
    for (int second = 0; second <= 60; second += 30) {
      Instant bucket = Instant.parse("2024-05-20T03:50:00Z").plusSeconds(second);
      String time = String.format("2024-05-20T11:5%d:%02d+08:00", second / 60, second % 60);
      for (String indicator : List.of("online_user_count", "online_room_count")) {
        expected.append(time).append(",app1,").append(indicator).append(',')
            .append(SyntheticData.rtcValue("app1", indicator, bucket)).append("\n");
      }
    }
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(expected.toString(), result.out());
    assertEquals("", result.err());
  }

  @Test
  void severalAppsAreMergedInTimeOrder() throws Exception {
    CliRun.Result result = cli.run(args("--app-id", "app1,app2", "-i", "online_user_count", "--last", "2m", "-f", "ndjson"));

    assertEquals(0, result.exitCode(), result.err());
    List<JsonNode> points = new java.util.ArrayList<>();
    for (String line : result.out().split("\n")) {
      points.add(new ObjectMapper().readTree(line));
    }
    // 11:58:00 .. 11:59:00: the complete buckets of the last two minutes, each for both apps.
    List<String> times = List.of("2024-05-20T11:58:00+08:00", "2024-05-20T11:58:30+08:00", "2024-05-20T11:59:00+08:00");
    assertEquals(6, points.size(), result.out());
    for (int i = 0; i < points.size(); i++) {
      String app = i % 2 == 0 ? "app1" : "app2";
      Instant bucket = Instant.parse(times.get(i / 2));
      assertEquals(times.get(i / 2), points.get(i).get("time").asText());
      assertEquals(app, points.get(i).get("app_id").asText());
      assertEquals(SyntheticData.rtcValue(app, "online_user_count", bucket), points.get(i).get("value").asLong());
    }
  }

  @Test
  void everyFormatCarriesTheSameRows() throws Exception {
    String[] window = {"--app-id", "app1", "--start", "2024-05-20T11:40:00", "--end", "2024-05-20T11:41:00"};
    CliRun.Result csv = cli.run(args(concat(window, "-f", "csv")));
    CliRun.Result json = cli.run(args(concat(window, "-f", "json")));
    CliRun.Result ndjson = cli.run(args(concat(window, "-f", "ndjson")));
    CliRun.Result table = cli.run(args(concat(window, "-f", "table")));

    JsonNode doc = new ObjectMapper().readTree(json.out());
    assertEquals("rtc list-realtime", doc.get("command").asText());
    assertEquals(6, doc.get("points").size());
    assertEquals(6, ndjson.out().lines().count());
    assertEquals(7, csv.out().lines().count());
    // The 7 lines of the rows, a blank line, then the summary: its header and a line per indicator.
    assertEquals(7 + 1 + 1 + 2, table.out().lines().count());
    JsonNode first = doc.get("points").get(0);
    assertTrue(csv.out().contains(first.get("time").asText() + ",app1,online_user_count," + first.get("value").asText()));
    assertTrue(table.out().contains(first.get("value").asText()));
  }

  @Test
  void aWindowEndingNowLeavesOutTheIncompleteBucketsWithoutANote() {
    CliRun.Result result = cli.run(args("--app-id", "app1", "--last", "5m", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(1 + 9 * 2, lines.size(), result.out()); // 11:55:00 .. 11:59:00
    assertTrue(lines.get(lines.size() - 1).startsWith("2024-05-20T11:59:00+08:00,"), result.out());
  }

  @Test
  void anEndNamedWithinTwentySecondsSaysWhatIsLeftOut() {
    CliRun.Result result = cli.run(args("--app-id", "app1", "--start", "now-2m", "--end", "now", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("cloudmetrics: note: the buckets from 2024-05-20T11:59:30+08:00 on are left out: they are incomplete,"
        + " as data arrives about 20 s late (--include-incomplete keeps them)\n", result.err());
    assertEquals(1 + 3 * 2, result.out().lines().count(), result.out());
  }

  @Test
  void includeIncompleteKeepsTheBucketsThatMayStillGrow() {
    CliRun.Result result = cli.run(args("--app-id", "app1", "--last", "1m", "--include-incomplete", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(1 + 3 * 2, lines.size(), result.out()); // 11:59:00, 11:59:30 and 12:00:00
    assertTrue(lines.get(lines.size() - 1).startsWith("2024-05-20T12:00:00+08:00,"), result.out());
  }

  @Test
  void sixtyMinutesEndingNowAreAcceptedFromFifteenSecondsInside() {
    CliRun.Result result = cli.run(args("--app-id", "app1", "--last", "60m", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().contains("2024-05-20T11:00:15+08:00"), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals(1 + 119 * 2, lines.size()); // 11:00:00 .. 11:59:00
    assertTrue(lines.get(1).startsWith("2024-05-20T11:00:00+08:00,"), lines.get(1));
  }

  @Test
  void sessionTokenIsSentAndAccepted() {
    Map<String, String> env = new HashMap<>();
    env.put("VOLCENGINE_ACCESS_KEY", DemoCredentials.VOLCENGINE_STS.accessKeyId());
    env.put("VOLCENGINE_SECRET_KEY", DemoCredentials.VOLCENGINE_STS.secretAccessKey());
    env.put("VOLCENGINE_SESSION_TOKEN", DemoCredentials.VOLCENGINE_STS.sessionToken().orElseThrow());

    CliRun.Result result = new CliRun(CLOCK, env, home).run(args("--app-id", "app1", "--last", "1m", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(3, result.out().lines().count(), result.out()); // the header and 11:59:00's two indicators
  }

  @Test
  void wrongSecretIsExitThree() {
    CliRun.Result result = new CliRun(CLOCK, credentials("wrong"), home).run(args("--app-id", "app1"));

    assertEquals(ExitCode.CREDENTIALS, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("cloudmetrics: SignatureDoesNotMatch: "), result.err());
  }

  @Test
  void aClockOffByMoreThanFifteenMinutesIsRejectedByTheService() {
    Clock skewed = Clock.offset(CLOCK, java.time.Duration.ofMinutes(16));
    CliRun.Result result = new CliRun(skewed, credentials(DemoCredentials.VOLCENGINE.secretAccessKey()), home)
        .run(args("--app-id", "app1", "--last", "5m"));

    assertEquals(ExitCode.CREDENTIALS, result.exitCode(), result.err());
    assertTrue(result.err().contains("InvalidTimestamp"), result.err());
  }

  @Test
  void throttlingThatOutlastsTheRetriesIsExitFive() {
    try (Emulator strict = Emulator.start(new EmulatorOptions(0, Clock.systemUTC(), 0.001, false))) {
      CliRun real = new CliRun(Clock.systemUTC(), credentials(DemoCredentials.VOLCENGINE.secretAccessKey()), home);
      String endpoint = strict.baseUri().toString();
      CliRun.Result result = real.run("rtc", "list-realtime", "--endpoint", endpoint, "--app-id", "a,b", "--retries", "0");

      assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
      assertTrue(result.err().contains("FlowLimitExceeded"), result.err());
    }
  }

  @Test
  void dryRunHidesTheSignatureAndSendsNothing() {
    CliRun.Result result = cli.run(args("--app-id", "app1", "--dry-run"));

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("Action=ListRealTimeOperationData&Version=2020-12-01"), result.out());
    assertTrue(result.out().contains("\"AppId\":\"app1\""), result.out());
    assertFalse(result.out().contains(DemoCredentials.VOLCENGINE.secretAccessKey()));
    assertFalse(result.out().matches("(?s).*Signature=[0-9a-f]{64}.*"), result.out());
    assertEquals(0, emulator.requestCount());
  }

  static Stream<Arguments> refusedLocally() {
    return Stream.of(
        Arguments.of(List.of("--app-id", "app1", "--start", "2024-05-20T10:30:00", "--end", "2024-05-20T10:40:00"), "60 min"),
        Arguments.of(List.of("--app-id", "app1", "--last", "90m"), "60 min"),
        Arguments.of(List.of("--app-id", "app1", "--start", "2024-05-20T11:40:00", "--end", "2024-05-20T11:30:00"), "--end"),
        Arguments.of(List.of("--app-id", " ", "--last", "5m"), "--app-id"),
        Arguments.of(List.of("--app-id", "app1", "-i", ""), "--indicator"),
        Arguments.of(List.of("--app-id", "app1", "--start", "half past ten"), "--start"),
        Arguments.of(List.of("--app-id", "app1", "--last", "ten minutes"), "--last"),
        Arguments.of(List.of("--app-id", "app1", "--region", "mars-1"), "--region"),
        Arguments.of(List.of("--app-id", "app1", "--watch", "--interval", "10s"), "--interval '10s': at least 30s"),
        Arguments.of(List.of("--app-id", "app1", "--watch", "--end", "now"), "--end 'now'"),
        Arguments.of(List.of("--app-id", "app1", "--watch", "-f", "json"), "-f ndjson"),
        Arguments.of(List.of("--app-id", "app1", "--watch", "-f", "csv", "--layout", "wide"), "--layout wide"),
        Arguments.of(List.of("--app-id", "app1", "--rate", "0"), "--rate '0'"),
        Arguments.of(List.of("--app-id", "app1", "--rate", "-1.5"), "--rate '-1.5'"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("refusedLocally")
  void badInputIsRefusedBeforeSending(List<String> extra, String detail) {
    CliRun.Result result = cli.run(args(extra.toArray(String[]::new)));

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().contains(detail), result.err());
    assertEquals("", result.out());
    assertEquals(0, emulator.requestCount());
  }

  private static String[] concat(String[] first, String... more) {
    return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
  }
}
