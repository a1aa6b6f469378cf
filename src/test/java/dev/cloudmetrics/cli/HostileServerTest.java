package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.http.ScriptedServer;
import dev.cloudmetrics.http.ScriptedServer.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile or odd server can answer, through the real command line: nothing it sends leaks a
 * secret, forges a line, hangs the tool or passes for data.
 */
class HostileServerTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String KEY_ID = "AKLTsecretkeyid0123";
  static final String SECRET = "s3cr3t-s3cr3t-s3cr3t";
  static final String TOKEN = "sts-session-token-0123456789";

  @TempDir Path home;

  static Map<String, String> credentials() {
    return Map.of("KSYUN_ACCESS_KEY", KEY_ID, "KSYUN_SECRET_KEY", SECRET,
        "VOLCENGINE_ACCESS_KEY", KEY_ID, "VOLCENGINE_SECRET_KEY", SECRET, "VOLCENGINE_SESSION_TOKEN", TOKEN);
  }

  CliRun.Result cdn(ScriptedServer server, Map<String, String> env, String... extra) {
    return new CliRun(CLOCK, env, home).run(Stream.concat(Stream.of("cdn", "online-users", "--endpoint",
        server.baseUrl(), "-s", "rtmp://demo.example/live/a"), Stream.of(extra)).toArray(String[]::new));
  }

  CliRun.Result rtc(ScriptedServer server, Map<String, String> env, String... extra) {
    return new CliRun(CLOCK, env, home).run(Stream.concat(Stream.of("rtc", "list-realtime", "--endpoint",
        server.baseUrl(), "--app-id", "app1"), Stream.of(extra)).toArray(String[]::new));
  }

  static void assertNoSecret(String text) {
    for (String secret : List.of(KEY_ID, SECRET, TOKEN)) {
      assertFalse(text.contains(secret), text);
    }
    assertFalse(text.matches("(?s).*Signature=[0-9a-f]{64}.*"), text);
  }

  @Test
  void anErrorBodyThatEchoesTheAuthorizationHeaderIsShownRedacted() throws IOException {
    String echo = "{\"RequestId\":\"r1\",\"Error\":{\"Code\":\"SignatureDoesNotMatch\","
        + "\"Message\":\"we got {header:Authorization} and {header:X-security-token}\"}}";
    try (ScriptedServer cdnServer = new ScriptedServer(Reply.of(403, echo));
        ScriptedServer rtcServer = new ScriptedServer(Reply.of(403, echo.replace("\"RequestId\":\"r1\",", "")
            .replace("{\"Error\"", "{\"ResponseMetadata\":{\"RequestId\":\"r1\",\"Error\"").concat("}")))) {
      CliRun.Result cdn = cdn(cdnServer, credentials(), "--debug", "--retries", "0");
      CliRun.Result rtc = rtc(rtcServer, credentials(), "-v", "--retries", "0");

      assertEquals(ExitCode.CREDENTIALS, cdn.exitCode(), cdn.err());
      assertEquals(ExitCode.CREDENTIALS, rtc.exitCode(), rtc.err());
      assertTrue(cdn.err().contains("cloudmetrics: SignatureDoesNotMatch: we got AWS4-HMAC-SHA256 Credential=AKLT****/"),
          cdn.err());
      assertTrue(rtc.err().contains("and <redacted> (request id r1)"), rtc.err());
      assertNoSecret(cdn.err());
      assertNoSecret(rtc.err());
    }
  }

  @Test
  void controlCharactersFromTheServerCannotForgeLinesOrMoveTheCursor() throws IOException {
    String forged = "{\"RequestId\":\"r1\\u001b[2J\",\"Error\":{\"Code\":\"Invalid\\rParameter\","
        + "\"Message\":\"bad\\ncloudmetrics: all good, exit 0\\u202e\"}}";
    try (ScriptedServer server = new ScriptedServer(Reply.of(400, forged))) {
      CliRun.Result result = cdn(server, credentials());

      assertEquals(ExitCode.API_REJECTED, result.exitCode(), result.err());
      assertEquals("cloudmetrics: Invalid\\rParameter: bad\\ncloudmetrics: all good, exit 0\\u202e "
          + "(request id r1\\x1b[2J)\n", result.err());
    }
  }

  @Test
  void aCredentialWithACarriageReturnIsRefusedNamingTheVariableNotTheValue() throws IOException {
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, "{}"))) {
      Map<String, String> env = new HashMap<>(credentials());
      env.put("KSYUN_ACCESS_KEY", KEY_ID + "\r");

      CliRun.Result result = cdn(server, env);

      assertEquals(ExitCode.CREDENTIALS, result.exitCode(), result.err());
      assertEquals("cloudmetrics: KSYUN_ACCESS_KEY holds a carriage return (as a .env file with Windows line ends "
          + "leaves) at position 20 of 20: keys, secrets and tokens are printable ASCII without spaces; fix the value\n",
          result.err());
      assertEquals(0, server.requestCount());
    }
  }

  @Test
  void aServerThatSendsHeadersThenOneByteASecondFailsWithinTheTimeout() throws IOException {
    try (ScriptedServer server = new ScriptedServer(
        Reply.trickling(200, "{\"Datas\":[" + " ".repeat(1000) + "]}", java.time.Duration.ofSeconds(1)))) {
      CliRun.Result result = cdn(server, credentials(), "--timeout", "2s", "--retries", "0");

      assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
      assertEquals("cloudmetrics: GetLiveOnlineUserDataByStream: no complete answer from 127.0.0.1:"
          + server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1) + " within 2 s (1 attempt)\n", result.err());
    }
  }

  @Test
  void aRetryAfterAboveTheCapIsAFailureNamingIt() throws IOException {
    String throttled = "{\"RequestId\":\"r1\",\"Error\":{\"Code\":\"Throttling\",\"Message\":\"slow down\"}}";
    try (ScriptedServer server = new ScriptedServer(Reply.of(429, throttled).withHeader("Retry-After", "99999999999999999999"))) {
      CliRun.Result result = cdn(server, credentials(), "--retries", "3");

      assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
      assertEquals("cloudmetrics: GetLiveOnlineUserDataByStream: the service asks to wait 99999999999999999999 s "
          + "before trying again (Retry-After), longer than the 60 s this tool waits; Throttling: slow down "
          + "(request id r1)\n", result.err());
      assertEquals(1, server.requestCount());
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "--rate|1e-10|--rate '1e-10': expected requests per second from 0.1 to 1000",
      "--retries|2147483647|--retries '2147483647': expected a whole number from 0 to 10",
      "--retries|-1|--retries '-1': expected a whole number from 0 to 10",
      "--timeout|0s|--timeout '0s': the duration must be longer than zero",
      "--timeout|1h|--timeout '1h': expected from 1s to 10m",
  })
  void unboundedPatienceIsRefusedBeforeAnythingIsSent(String flag, String value, String message) throws IOException {
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, "{}"))) {
      CliRun.Result cdn = cdn(server, credentials(), flag, value);
      CliRun.Result rtc = rtc(server, credentials(), flag, value);

      assertEquals(ExitCode.INVALID_INPUT, cdn.exitCode(), cdn.err());
      assertTrue(cdn.err().startsWith("cloudmetrics: " + message), cdn.err());
      assertEquals(ExitCode.INVALID_INPUT, rtc.exitCode(), rtc.err());
      assertTrue(rtc.err().startsWith("cloudmetrics: " + message), rtc.err());
      assertEquals(0, server.requestCount());
    }
  }

  @Test
  void helpStatesTheWorstCaseOfANeverAnsweringServer() {
    java.time.Duration worst = dev.cloudmetrics.http.TransportSettings.defaults().worstCase();
    assertEquals(RetryOptions.WORST_CASE, worst.toMinutes() + " min " + worst.toSecondsPart() + " s");

    CliRun.Result help = new CliRun(CLOCK, Map.of(), home).run("cdn", "online-users", "--help");

    assertEquals(ExitCode.OK, help.exitCode());
    assertTrue(help.out().replaceAll("\\s+", " ").contains("--timeout=DURATION Longest one attempt may take"), help.out());
    assertTrue(help.out().replaceAll("\\s+", " ").contains(RetryOptions.WORST_CASE + " with the defaults"), help.out());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"Datas\":null}", "{\"RequestId\":\"r1\"}", "{\"Datas\":[]}"})
  void anEmptyCdnResultIsTheHeaderOnly(String body) throws IOException {
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, body))) {
      CliRun.Result result = cdn(server, credentials(), "-f", "csv");

      assertEquals(ExitCode.OK, result.exitCode(), result.err());
      assertEquals("time,online_users\n", result.out());
      assertEquals("", result.err());
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{\"ResponseMetadata\":{\"RequestId\":\"r1\"},\"Result\":null}", "{\"ResponseMetadata\":{\"RequestId\":\"r1\"}}"})
  void anEmptyRtcResultIsTheHeaderOnly(String body) throws IOException {
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, body))) {
      CliRun.Result result = rtc(server, credentials(), "-f", "csv");

      assertEquals(ExitCode.OK, result.exitCode(), result.err());
      assertEquals("time,app_id,indicator,value\n", result.out());
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "400|{\"requestid\":\"r1\",\"error\":{\"type\":\"Sender\",\"code\":\"InvalidParameter\",\"message\":\"bad\"}}",
      "200|{\"RequestId\":\"r1\",\"Error\":{\"Code\":\"InvalidParameter\",\"Message\":\"bad\"}}",
      "200|<ErrorResponse><requestId>r1</requestId><error><code>InvalidParameter</code><message>bad</message></error></ErrorResponse>",
  })
  void ksyunErrorEnvelopesAreReadInAnyCaseUnderAnyStatus(int status, String body) throws IOException {
    try (ScriptedServer server = new ScriptedServer(Reply.of(status, body))) {
      CliRun.Result result = cdn(server, credentials());

      assertEquals(ExitCode.API_REJECTED, result.exitCode(), result.err());
      assertEquals("cloudmetrics: InvalidParameter: bad (request id r1)\n", result.err());
    }
  }

  @Test
  void throttlingUnderAnyStatusIsRetried() throws IOException {
    String throttled = "{\"RequestId\":\"r1\",\"Error\":{\"Code\":\"Throttling\",\"Message\":\"slow down\"}}";
    String data = "{\"Datas\":[{\"Time\":\"2024-05-20T11:30+0800\",\"OnlineUser\":7}]}";
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, throttled), Reply.of(400, throttled), Reply.of(200, data))) {
      CliRun.Result result = cdn(server, credentials(), "-f", "csv", "--no-header", "--tz", "+08:00");

      assertEquals(ExitCode.OK, result.exitCode(), result.err());
      assertEquals("2024-05-20T11:30:00+08:00,7\n", result.out());
      assertEquals(3, server.requestCount());
    }
  }

  @Test
  void rtcInternalErrorWithStatus200IsAServiceFailure() throws IOException {
    String failed = "{\"ResponseMetadata\":{\"RequestId\":\"r1\",\"Error\":{\"Code\":\"InternalError\","
        + "\"Message\":\"try later\"}}}";
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, failed))) {
      CliRun.Result result = rtc(server, credentials(), "--retries", "1");

      assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
      assertEquals("cloudmetrics: InternalError: try later (request id r1)\n", result.err());
      assertEquals(2, server.requestCount());
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "1e999999999|OnlineUser 1E+999999999 is out of range (at most 40 digits before and after the point)",
      "1e-999999999|OnlineUser 1E-999999999 is out of range",
      "\"1e999999999\"|OnlineUser 1E+999999999 is out of range",
      "HUGE|Number value length (100000) exceeds the maximum allowed",
      "\"HUGE\"|OnlineUser is 100000 characters long, not a count",
  })
  void anAbsurdNumberFromTheServerIsAServiceFailureNotAnOutOfMemory(String value, String reason) throws IOException {
    String cell = value.replace("HUGE", "9".repeat(100_000));
    String body = "{\"Datas\":[{\"Time\":\"2024-05-20T11:30+0800\",\"OnlineUser\":" + cell + "}]}";
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, body))) {
      for (String format : List.of("csv", "table")) {
        CliRun.Result result = cdn(server, credentials(), "-f", format);

        assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("cloudmetrics: GetLiveOnlineUserDataByStream: unreadable response: " + reason),
            result.err());
        assertTrue(result.err().length() < 400, result.err());
      }
    }
  }

  static String cdnPoint(String time, String stream, int users) {
    return "{\"Time\":\"" + time + "\",\"Streams\":[{\"StreamUrl\":\"" + stream + "\",\"Regions\":[{\"Region\":\"CN\","
        + "\"OnlineUser\":" + users + "}]}]}";
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "2024-05-20T11:30+0800|rtmp://demo.example/live/other|5|a series that was not asked for: (rtmp://demo.example/live/other CN)",
      "2024-05-20T11:31+0800|rtmp://demo.example/live/a|5|a bucket at 2024-05-20T03:31:00Z, off the grid of 300-second buckets (rtmp://demo.example/live/a CN)",
      "2024-05-20T11:30+0800|rtmp://demo.example/live/a|6|two values for the bucket at 2024-05-20T03:30:00Z "
          + "(rtmp://demo.example/live/a CN): 5 and 6",
  })
  void badCdnDataIsRefusedNamingIt(String time, String stream, int users, String what) throws IOException {
    String body = "{\"Datas\":[" + cdnPoint("2024-05-20T11:30+0800", "rtmp://demo.example/live/a", 5) + ","
        + cdnPoint(time, stream, users) + "]}";
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, body))) {
      CliRun.Result result = cdn(server, credentials(), "--per-stream", "-f", "csv");

      assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
      assertEquals("cloudmetrics: GetLiveOnlineUserDataByStream: the service answered " + what + "\n", result.err());
    }
  }

  @Test
  void aRepeatedCdnBucketWithTheSameValueIsPrintedOnceWithANoteUnderVerbose() throws IOException {
    String point = cdnPoint("2024-05-20T11:30+0800", "rtmp://demo.example/live/a", 5);
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, "{\"Datas\":[" + point + "," + point + "]}"))) {
      CliRun.Result quiet = cdn(server, credentials(), "--per-stream", "-f", "csv", "--no-header", "--tz", "+08:00");
      CliRun.Result verbose = cdn(server, credentials(), "--per-stream", "-f", "csv", "--no-header", "--tz", "+08:00", "-v");

      assertEquals(ExitCode.OK, quiet.exitCode(), quiet.err());
      assertEquals("2024-05-20T11:30:00+08:00,rtmp://demo.example/live/a,CN,5\n", quiet.out());
      assertEquals("", quiet.err());
      assertEquals(quiet.out(), verbose.out());
      assertTrue(verbose.err().contains("cloudmetrics: note: GetLiveOnlineUserDataByStream answered 1 point(s) twice with "
          + "the same value; printed once\n"), verbose.err());
    }
  }

  @Test
  void rtcBucketsOutsideTheWindowAreLeftOutWithANoteUnderVerbose() throws IOException {
    String body = "{\"ResponseMetadata\":{\"RequestId\":\"r1\"},\"Result\":{\"Indicators\":[{\"Name\":\"online_user_count\","
        + "\"Data\":[{\"Timestamp\":\"2024-05-20T03:00:00Z\",\"Value\":9},{\"Timestamp\":\"2024-05-20T03:50:00Z\",\"Value\":5}]}]}}";
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, body))) {
      CliRun.Result result = rtc(server, credentials(), "-i", "online_user_count", "-f", "csv", "--no-header", "--tz",
          "UTC", "-v");

      assertEquals(ExitCode.OK, result.exitCode(), result.err());
      assertEquals("2024-05-20T03:50:00Z,app1,online_user_count,5\n", result.out().replace("+00:00", "Z"));
      assertTrue(result.err().contains("cloudmetrics: note: ListRealTimeOperationData answered 1 point(s) outside the "
          + "buckets asked for (2024-05-20T03:45:00Z to 2024-05-20T04:00:00Z); left out\n"), result.err());
    }
  }

  @Test
  void serverSentNamesInATableAreEscaped() throws IOException {
    String body = "{\"ResponseMetadata\":{\"RequestId\":\"r1\"},\"Result\":{\"Indicators\":[{\"Name\":\"evil\\u001b[2J\\nX\","
        + "\"Data\":[{\"Timestamp\":\"2024-05-20T03:50:00Z\",\"Value\":5}]}]}}";
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, body))) {
      for (String format : List.of("table", "chart")) {
        CliRun.Result result = rtc(server, credentials(), "-i", "online_user_count", "-f", format);

        assertEquals(ExitCode.OK, result.exitCode(), result.err());
        assertTrue(result.out().contains("evil\\x1b[2J\\nX"), result.out());
        assertFalse(result.out().contains("\u001b[2J"), result.out());
      }
    }
  }
}
