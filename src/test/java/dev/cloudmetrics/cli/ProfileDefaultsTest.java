package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option defaults from a profile, end to end against the emulator: flag > profile > built-in default. */
class ProfileDefaultsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String STREAM = "rtmp://demo.example/live/a";
  static final String KSYUN_KEYS = "ksyun_access_key = " + DemoCredentials.KSYUN.accessKeyId() + "\nksyun_secret_key = "
      + DemoCredentials.KSYUN.secretAccessKey() + "\n";

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

  Path config(String text) throws IOException {
    Path file = home.resolve(".config/cloudmetrics/config");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  CliRun.Result run(Map<String, String> environment, String... args) {
    return new CliRun(CLOCK, environment, home).run(args);
  }

  String[] onlineUsers(String... extra) {
    return Stream.concat(Stream.of("cdn", "online-users", "--endpoint", emulator.baseUri().toString(), "-s", STREAM,
        "--start", "2024-05-20T08:00+08:00", "--end", "2024-05-20T10:00+08:00"), Stream.of(extra)).toArray(String[]::new);
  }

  @Test
  void theProfileSetsFormatZoneRegionsGranularityAndLayoutAndFlagsBeatIt() throws IOException {
    config("[default]\n" + KSYUN_KEYS + "format = ndjson\ntz = Asia/Shanghai\ncdn.regions = CN,HK\ncdn.granularity = 1h\nper-stream = true\n");

    CliRun.Result fromProfile = run(Map.of(), onlineUsers());
    CliRun.Result withFlags = run(Map.of(), onlineUsers("-f", "csv", "--tz", "UTC", "--regions", "HK", "-g", "20"));

    assertEquals(0, fromProfile.exitCode(), fromProfile.err());
    List<String> points = fromProfile.out().lines().toList();
    assertEquals(3 * 2, points.size(), fromProfile.out()); // 08:00, 09:00, 10:00 for CN and HK
    assertTrue(points.get(0).startsWith("{\"time\":\"2024-05-20T08:00:00+08:00\",\"stream_url\":\"" + STREAM + "\",\"region\":\"CN\""),
        points.get(0));
    assertTrue(points.stream().anyMatch(p -> p.contains("\"region\":\"HK\"")), fromProfile.out());

    assertEquals(0, withFlags.exitCode(), withFlags.err());
    List<String> rows = withFlags.out().lines().toList();
    assertEquals("time,stream_url,region,online_users", rows.get(0)); // --per-stream still from the profile
    assertTrue(rows.get(1).startsWith("2024-05-20T00:00:00Z,") || rows.get(1).startsWith("2024-05-20T00:00:00+00:00,"), rows.get(1));
    assertEquals(1 + 7, rows.size(), withFlags.out()); // 00:00 to 02:00 UTC every 20 minutes, HK only
    assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",HK,")), withFlags.out());
  }

  @Test
  void aNamedProfileBeatsTheEnvironmentWhichBeatsTheDefaultProfile() throws IOException {
    String wrong = "ksyun_access_key = " + DemoCredentials.KSYUN.accessKeyId() + "\nksyun_secret_key = not-the-secret\n";
    config("[default]\n" + wrong + "\n[profile demo]\n" + KSYUN_KEYS);
    Map<String, String> demoEnvironment = Map.of("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey());
    Map<String, String> wrongEnvironment = Map.of("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", "also-not-the-secret");

    CliRun.Result defaultProfile = run(Map.of(), onlineUsers());
    CliRun.Result environment = run(demoEnvironment, onlineUsers());
    CliRun.Result namedByFlag = run(wrongEnvironment, onlineUsers("--profile", "demo"));
    CliRun.Result namedByVariable = run(Map.of("KSYUN_ACCESS_KEY", "AKLTx", "KSYUN_SECRET_KEY", "y", "CLOUDMETRICS_PROFILE", "demo"),
        onlineUsers());

    assertEquals(ExitCode.CREDENTIALS, defaultProfile.exitCode(), defaultProfile.err());
    assertTrue(defaultProfile.err().contains("SignatureDoesNotMatch"), defaultProfile.err());
    assertEquals(0, environment.exitCode(), environment.err());
    assertEquals(0, namedByFlag.exitCode(), namedByFlag.err());
    assertEquals(0, namedByVariable.exitCode(), namedByVariable.err());
  }

  @Test
  void theRtcRegionComesFromTheProfileUnlessTheFlagSaysOtherwise() throws IOException {
    config("[default]\nrtc.region = ap-singapore-1\n");
    Map<String, String> keys = Map.of("VOLCENGINE_ACCESS_KEY", DemoCredentials.VOLCENGINE.accessKeyId(),
        "VOLCENGINE_SECRET_KEY", DemoCredentials.VOLCENGINE.secretAccessKey());

    CliRun.Result fromProfile = run(keys, "rtc", "list-realtime", "--app-id", "app1", "--dry-run");
    CliRun.Result fromFlag = run(keys, "rtc", "list-realtime", "--app-id", "app1", "--region", "cn-north-1", "--dry-run");

    assertEquals(0, fromProfile.exitCode(), fromProfile.err());
    assertTrue(fromProfile.out().contains("open-ap-singapore-1.volcengineapi.com"), fromProfile.out());
    assertTrue(fromFlag.out().contains("rtc.volcengineapi.com") && !fromFlag.out().contains("singapore"), fromFlag.out());
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void theMostSpecificKeyWins() throws IOException {
    config("[default]\nformat = json\ncdn.format = csv\nrtc.list-realtime.format = ndjson\nrtc.tz = UTC\n");

    List<List<String>> rows = ConfigureCommandTest.rows(run(Map.of(), "configure", "list").out());

    assertTrue(rows.containsAll(List.of(
        List.of("cdn.online-users.format", "csv", "profile default (cdn.format, line 3)"),
        List.of("rtc.list-realtime.format", "ndjson", "profile default (rtc.list-realtime.format, line 4)"),
        List.of("rtc.list-realtime.tz", "UTC", "profile default (rtc.tz, line 5)"),
        List.of("cdn.online-users.tz", "-", "-"))), rows.toString());
  }

  @Test
  void helpShowsTheDefaultTheProfileGives() throws IOException {
    config("[default]\ncdn.granularity = 1h\n");

    CliRun.Result result = run(Map.of(), "cdn", "online-users", "--help");

    assertEquals(0, result.exitCode(), result.err());
    // compared without white space: help wraps the line wherever the terminal width says
    assertTrue(result.out().replaceAll("\\s+", "").contains("Default:1h,fromprofiledefault(cdn.granularity,line2)"), result.out());
  }

  @Test
  void aBadValueInTheProfileIsExitTwoNamingItsLineAndNothingIsSent() throws IOException {
    Path file = config("[default]\n" + KSYUN_KEYS + "\n# how hard to try\nretries = many\n");

    CliRun.Result result = run(Map.of(), onlineUsers());

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
    assertEquals("cloudmetrics: config file " + file + " line 6 (retries in profile default): Invalid value for option"
        + " '--retries': 'many' is not an int", result.err().lines().findFirst().orElseThrow());
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void aKeyThatSetsNothingIsAWarningWithoutItsText() throws IOException {
    Path file = config("[default]\n" + KSYUN_KEYS + "fromat = json\nc2VjcmV0c2VjcmV0=\n");

    CliRun.Result result = run(Map.of(), onlineUsers());

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(List.of(
        "cloudmetrics: warning: config file " + file + " line 4: not a credential key nor an option of any command (profile default); ignored",
        "cloudmetrics: warning: config file " + file + " line 5: not a credential key nor an option of any command (profile default); ignored"),
        result.err().lines().toList());
    assertFalse(result.err().contains("c2VjcmV0"));
  }

  @Test
  void keysOfCommandsThisRunDoesNotBuildAreNoWarning() throws IOException {
    // A cdn query builds only the cdn commands: the RTC, emulator and qualified keys below are still
    // options of some command, and only the misspelt one is reported.
    Path file = config("[default]\n" + KSYUN_KEYS + "app-id = 5f2a3b4c5d6e7f8091a2b3c4\nrtc.list-realtime.indicator = "
        + "user_count\nemulator.port = 8080\nappid = x\n");

    CliRun.Result result = run(Map.of(), onlineUsers());

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(List.of("cloudmetrics: warning: config file " + file + " line 7: not a credential key nor an option of"
        + " any command (profile default); ignored"), result.err().lines().toList());
  }

  @Test
  void aProfilesLastGivesWayToATypedStartButATypedLastStillClashes() throws IOException {
    config("[default]\n" + KSYUN_KEYS + "last = 2h\n");

    CliRun.Result typedWindow = run(Map.of(), onlineUsers("-f", "csv"));
    CliRun.Result both = run(Map.of(), onlineUsers("-f", "csv", "--last", "1h"));
    CliRun.Result profileWindow = run(Map.of(), "cdn", "online-users", "--endpoint", emulator.baseUri().toString(),
        "-s", STREAM, "-f", "csv", "-g", "1h", "--tz", "Asia/Shanghai");

    assertEquals(0, typedWindow.exitCode(), typedWindow.err());
    assertEquals(1 + 25, typedWindow.out().lines().count(), typedWindow.out()); // 08:00 .. 10:00 in 5-minute buckets
    assertEquals(ExitCode.INVALID_INPUT, both.exitCode(), both.err());
    assertEquals(0, profileWindow.exitCode(), profileWindow.err());
    // 10:00 only: 11:00 ended at 12:00 and is final from 12:08 on
    assertEquals(1 + 1, profileWindow.out().lines().count(), profileWindow.out());
  }
}
