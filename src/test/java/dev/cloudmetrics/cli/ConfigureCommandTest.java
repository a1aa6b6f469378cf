package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code configure} through stdin and {@code configure list}, run as a user would. */
class ConfigureCommandTest {
  static final String EXISTING = """
      # written by hand
      [default]
      volcengine_access_key = AKLTdefaultvolc
      volcengine_secret_key = default-volc-secret
      format = json

      [profile prod]
      ksyun_access_key = AKLTprodksyun
      ksyun_secret_key = prod-ksyun-secret
      format = csv
      rtc.region = ap-singapore-1
      """;

  @TempDir Path home;

  Path config() {
    return home.resolve(".config/cloudmetrics/config");
  }

  CliRun cli(String... variables) {
    Map<String, String> environment = new java.util.HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      environment.put(variables[i], variables[i + 1]);
    }
    return new CliRun(Clock.systemUTC(), environment, home);
  }

  Path existing(String text) throws IOException {
    Files.createDirectories(config().getParent());
    Files.writeString(config(), text);
    Files.setPosixFilePermissions(config(), PosixFilePermissions.fromString("rw-------"));
    return config();
  }

  @ParameterizedTest
  @ValueSource(strings = {"configure", "configure list"})
  void bothCommandsHaveHelpWithExamples(String command) {
    CliRun.Result result = cli().run((command + " --help").split(" "));

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("Usage: cloudmetrics " + command), result.out());
    assertTrue(result.out().contains("Examples:"), result.out());
  }

  @Test
  void stdinAnswersBecomeTheDefaultProfileReadableOnlyByItsOwner() throws IOException {
    CliRun.Result result = cli().withStdin("""
        # keys from the console
        ksyun_access_key = AKLTfromstdin
        ksyun_secret_key = stdin-secret/with+base64=
        format = csv
        rtc.region = ap-singapore-1
        cdn.signing_region = cn-beijing-6
        """).run("configure");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.out());
    assertEquals("cloudmetrics: saved 5 settings in profile 'default' of " + config() + " (readable only by you)\n", result.err());
    assertEquals("""
        [default]
        ksyun_access_key = AKLTfromstdin
        ksyun_secret_key = stdin-secret/with+base64=
        format = csv
        rtc.region = ap-singapore-1
        cdn.signing_region = cn-beijing-6
        """, Files.readString(config()));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config())));
  }

  @Test
  void aNamedProfileIsChangedAndEveryOtherLineKept() throws IOException {
    existing(EXISTING);

    CliRun.Result flag = cli().withStdin("tz = Asia/Shanghai\nformat =\n").run("configure", "--profile", "prod");
    CliRun.Result variable = cli("CLOUDMETRICS_PROFILE", "staging").withStdin("cdn.regions = CN,HK\n").run("configure");

    assertEquals(0, flag.exitCode(), flag.err());
    assertEquals(0, variable.exitCode(), variable.err());
    assertEquals(EXISTING.replace("format = csv\nrtc.region = ap-singapore-1\n", "rtc.region = ap-singapore-1\ntz = Asia/Shanghai\n")
        + "\n[profile staging]\ncdn.regions = CN,HK\n", Files.readString(config()));
  }

  @Test
  void aBadAnswerIsExitTwoNamingTheLineAndNothingIsWritten() throws IOException {
    existing(EXISTING);

    CliRun.Result unknown = cli().withStdin("ksyun_secret_key = typed-secret\nfromat = csv\n").run("configure");
    CliRun.Result invalid = cli().withStdin("ksyun_secret_key = typed-secret\ncdn.granularity = 1h\ntz = Mars/Olympus\n")
        .run("configure");

    assertEquals(ExitCode.INVALID_INPUT, unknown.exitCode());
    assertEquals("cloudmetrics: configure: stdin line 2: not a credential key nor an option of any command"
        + " (see 'cloudmetrics configure list'); nothing was written\n", unknown.err());
    assertEquals(ExitCode.INVALID_INPUT, invalid.exitCode());
    assertTrue(invalid.err().startsWith("cloudmetrics: configure: stdin line 3: tz: Invalid value for option '--tz': 'Mars/Olympus'"),
        invalid.err());
    assertFalse(unknown.err().contains("typed-secret") || invalid.err().contains("typed-secret"));
    assertEquals(EXISTING, Files.readString(config()));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "rtc.region = ap-singapre-1 | rtc.region: 'ap-singapre-1': not an RTC region; choose cn-north-1 or ap-singapore-1",
      "granularity = 7 | granularity: InvalidGranularity: '7': expected 1, 5, 10, 20, 60, 240, 480 or 1440 minutes",
      "regions = CN,XX | regions: InvalidRegion: 'CN,XX': unknown region 'XX'",
      "cdn.last = 100d | cdn.last: ",
  })
  void valuesTheOptionsWouldRefuseAreRefusedBeforeSaving(String answer, String message) throws IOException {
    existing(EXISTING);

    CliRun.Result result = cli().withStdin(answer + "\n").run("configure");

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("cloudmetrics: configure: stdin line 1: " + message), result.err());
    assertTrue(result.err().endsWith("; nothing was written\n"), result.err());
    assertEquals(1, result.err().lines().count(), result.err());
    assertEquals(EXISTING, Files.readString(config()));
  }

  @Test
  void valuesTheOptionsTakeAreSavedInAnyLetterCaseTheyTake() throws IOException {
    existing(EXISTING);

    CliRun.Result result = cli().withStdin("tz = utc\ncdn.last = 1w\nrtc.region = cn-north-1\n").run("configure");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(Files.readString(config()).contains("tz = utc\ncdn.last = 1w\n"), Files.readString(config()));
  }

  @Test
  void aStoredDefaultTheApiRulesRefuseNamesTheProfileKeyAndLineNotAFlag() throws IOException {
    existing(EXISTING + "cdn.granularity = 7\n");

    CliRun.Result result = cli("KSYUN_ACCESS_KEY", "AKLTx", "KSYUN_SECRET_KEY", "s").run("--profile", "prod", "cdn",
        "online-users", "-s", "rtmp://a/live/b", "--dry-run");

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
    assertEquals("cloudmetrics: InvalidGranularity: config file " + config() + " line 12 (cdn.granularity in profile prod): "
        + "'7': expected 1, 5, 10, 20, 60, 240, 480 or 1440 minutes, or 1m, 5m, 10m, 20m, 1h, 4h, 8h, 1d\n", result.err());
  }

  @Test
  void aNamedProfileWithoutKeysFallsBackToTheEnvironmentButNotToTheDefaultProfile() throws IOException {
    existing(EXISTING + "\n[profile staging]\nformat = csv\n");
    CliRun withKeys = cli("KSYUN_ACCESS_KEY", "AKLTenvironment", "KSYUN_SECRET_KEY", "environment-secret");

    CliRun.Result staging = withKeys.run("--profile", "staging", "cdn", "online-users", "-s", "rtmp://a/live/b", "--dry-run");
    CliRun.Result list = withKeys.run("--profile", "staging", "configure", "list");
    CliRun.Result noEnvironment = cli().run("--profile", "prod", "rtc", "list-realtime", "--app-id", "a", "--dry-run");

    assertEquals(0, staging.exitCode(), staging.err());
    assertTrue(staging.out().contains("Credential=AKLT****/"), staging.out());
    assertTrue(rows(list.out()).contains(List.of("ksyun_access_key", "AKLT****", "env KSYUN_ACCESS_KEY")), list.out());
    assertEquals(ExitCode.CREDENTIALS, noEnvironment.exitCode(), noEnvironment.err());
    assertTrue(noEnvironment.err().startsWith("cloudmetrics: profile 'prod' in " + config() + " has no Volcengine keys and"
        + " VOLCENGINE_ACCESS_KEY is not set"), noEnvironment.err());
  }

  @Test
  void listShowsTheGlobalFlagsGivenOnItsLine() throws IOException {
    existing(EXISTING);

    CliRun.Result result = cli().run("--sandbox", "-v", "configure", "list");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().lines().anyMatch(line -> line.matches("verbose +true +flag --verbose")), result.out());
    assertTrue(result.out().lines().anyMatch(line -> line.matches("sandbox +true +flag --sandbox")), result.out());
    assertTrue(result.out().lines().anyMatch(line -> line.matches("debug +false +default")), result.out());
  }

  @Test
  void withOnlyStdinOnATerminalItAsksOnStderrInsteadOfWaitingSilently() throws IOException {
    existing(EXISTING);
    // `configure | cat`: stdin and stderr are the terminal, stdout a pipe, and the JVM has no console.
    CliRun.Result result = cli().withTerminal(new TerminalStreams(true, false, true, 80, 24))
        .withStdin("AKLTpiped\nsecret-piped\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n").run("configure");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.out());
    assertTrue(result.err().contains("Volcengine access key ID"), result.err());
    assertTrue(Files.readString(config()).contains("volcengine_access_key = AKLTpiped"), Files.readString(config()));
    assertFalse(result.err().contains("secret-piped"), result.err());
  }

  @Test
  void listShowsEveryEffectiveSettingWithItsSourceAndNoSecret() throws IOException {
    existing(EXISTING);

    CliRun.Result result = cli("KSYUN_ACCESS_KEY", "AKLTenvironment", "KSYUN_SECRET_KEY", "env-ksyun-secret")
        .run("configure", "list");

    assertEquals(0, result.exitCode(), result.err());
    List<List<String>> rows = rows(result.out());
    assertEquals(List.of("SETTING", "VALUE", "SOURCE"), rows.get(0));
    assertTrue(rows.containsAll(List.of(
        List.of("profile", "default", "default"),
        List.of("config", config().toString(), "default"),
        List.of("volcengine_access_key", "AKLT****", "profile default"),
        List.of("volcengine_secret_key", "****", "profile default"),
        List.of("volcengine_session_token", "-", "-"),
        List.of("ksyun_access_key", "AKLT****", "env KSYUN_ACCESS_KEY"),
        List.of("ksyun_secret_key", "****", "env KSYUN_SECRET_KEY"),
        List.of("cdn.online-users.format", "json", "profile default (format, line 5)"),
        List.of("rtc.list-realtime.format", "json", "profile default (format, line 5)"),
        List.of("rtc.list-realtime.region", "cn-north-1", "default"),
        List.of("cdn.online-users.retries", "4", "default"),
        List.of("rtc.list-realtime.dry-run", "false", "default"),
        List.of("cdn.online-users.granularity", "-", "-"))), result.out());
    for (String secret : List.of("default-volc-secret", "prod-ksyun-secret", "env-ksyun-secret", "AKLTdefaultvolc", "AKLTenvironment")) {
      assertFalse(result.out().contains(secret) || result.err().contains(secret), secret);
    }
    assertEquals("", result.err());
  }

  @Test
  void listOfANamedProfileSaysWhoNamedItAndWhatItLacks() throws IOException {
    existing(EXISTING);
    Files.move(config(), home.resolve("elsewhere.ini"));

    CliRun.Result flag = cli("XDG_CONFIG_HOME", home.resolve("xdg").toString())
        .run("--config", home.resolve("elsewhere.ini").toString(), "configure", "list", "--profile", "prod");
    Path xdgFile = Files.createDirectories(home.resolve("xdg/cloudmetrics")).resolve("config");
    Files.move(home.resolve("elsewhere.ini"), xdgFile);
    CliRun.Result variables = cli("XDG_CONFIG_HOME", home.resolve("xdg").toString(), "CLOUDMETRICS_PROFILE", "prod")
        .run("configure", "list");

    for (CliRun.Result result : List.of(flag, variables)) {
      assertEquals(0, result.exitCode(), result.err());
      List<List<String>> rows = rows(result.out());
      assertTrue(rows.containsAll(List.of(
          List.of("volcengine_access_key", "-", "-"),
          List.of("ksyun_access_key", "AKLT****", "profile prod"),
          List.of("cdn.online-users.format", "csv", "profile prod (format, line 10)"),
          List.of("rtc.list-realtime.region", "ap-singapore-1", "profile prod (rtc.region, line 11)"))), result.out());
      assertTrue(result.err().startsWith("cloudmetrics: note: profile 'prod' in "), result.err());
      assertTrue(result.err().contains("has no Volcengine keys"), result.err());
    }
    assertTrue(rows(flag.out()).containsAll(List.of(
        List.of("profile", "prod", "flag --profile"),
        List.of("config", home.resolve("elsewhere.ini").toString(), "flag --config"))), flag.out());
    assertTrue(rows(variables.out()).containsAll(List.of(
        List.of("profile", "prod", "env CLOUDMETRICS_PROFILE"),
        List.of("config", xdgFile.toString(), "env XDG_CONFIG_HOME"))), variables.out());
  }

  @Test
  void aMalformedConfigFileIsExitTwoForEveryCommandNamingFileAndLine() throws IOException {
    existing("[default]\nksyun_access_key = AKLTx\nAKLTpasted-secret-without-a-key\n");

    for (String[] args : List.of(new String[] {"configure", "list"}, new String[] {"--sandbox", "cdn", "online-users", "-s", "rtmp://a/b/c"},
        new String[] {"configure"})) {
      CliRun.Result result = cli().withStdin("format = csv\n").run(args);

      assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), Arrays.toString(args));
      assertEquals("cloudmetrics: config file " + config() + " line 3: expected '[profile NAME]' or 'key = value'\n", result.err());
      assertEquals("", result.out());
    }
  }

  @Test
  void aConfigFileOthersCanReadGetsAOneLineWarning() throws IOException {
    existing(EXISTING);
    Files.setPosixFilePermissions(config(), PosixFilePermissions.fromString("rw-r--r--"));

    CliRun.Result result = cli().run("--sandbox", "cdn", "online-users", "-s", "rtmp://demo.example/live/a");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("cloudmetrics: warning: config file " + config() + " is accessible to group and others (mode 0644), but may hold"
        + " secret keys: run 'chmod 600 " + config() + "'\n", result.err());
  }

  /** The columns of each line of {@code configure list}. */
  static List<List<String>> rows(String out) {
    return out.lines().map(line -> List.of(line.split(" {2,}"))).toList();
  }
}
