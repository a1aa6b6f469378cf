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

    StringBuilder expected = new StringBuilder("time,app_id,indicator,value\r\n");
    for (int second = 0; second <= 60; second += 30) {
      Instant bucket = Instant.parse("2024-05-20T03:50:00Z").plusSeconds(second);
      String time = String.format("2024-05-20T11:5%d:%02d+08:00", second / 60, second % 60);
      for (String indicator : List.of("online_user_count", "online_room_count")) {
        expected.append(time).append(",app1,").append(indicator).append(',')
            .append(SyntheticData.rtcValue("app1", indicator, bucket)).append("\r\n");
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
    assertEquals(10, points.size()); // 11:58:00 .. 12:00:00, five buckets, two apps
    for (int i = 0; i < points.size(); i++) {
      assertEquals(i % 2 == 0 ? "app1" : "app2", points.get(i).get("app_id").asText());
      assertTrue(i == 0 || points.get(i).get("time").asText().compareTo(points.get(i - 1).get("time").asText()) >= 0);
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
  void theRecentEdgeWarnsThatTheLastBucketIsIncomplete() {
    CliRun.Result result = cli.run(args("--app-id", "app1", "--last", "5m"));

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.err().contains("incomplete"), result.err());
  }

  @Test
  void sessionTokenIsSentAndAccepted() {
    Map<String, String> env = new HashMap<>();
    env.put("VOLCENGINE_ACCESS_KEY", DemoCredentials.VOLCENGINE_STS.accessKeyId());
    env.put("VOLCENGINE_SECRET_KEY", DemoCredentials.VOLCENGINE_STS.secretAccessKey());
    env.put("VOLCENGINE_SESSION_TOKEN", DemoCredentials.VOLCENGINE_STS.sessionToken().orElseThrow());

    CliRun.Result result = new CliRun(CLOCK, env, home).run(args("--app-id", "app1", "--last", "1m", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(7, result.out().lines().count());
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
        Arguments.of(List.of("--app-id", "app1", "--region", "mars-1"), "--region"));
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
