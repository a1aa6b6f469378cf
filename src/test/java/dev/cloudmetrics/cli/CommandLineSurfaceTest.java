package dev.cloudmetrics.cli;

import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemErr;
import static com.github.stefanbirkner.systemlambda.SystemLambda.withEnvironmentVariable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The surface of cli.md: help, version, usage errors, the sandbox and the completion scripts. */
class CommandLineSurfaceTest {
  @TempDir Path home;

  CliRun cli() {
    return new CliRun(Clock.systemUTC(), Map.of(), home);
  }

  @Test
  void versionNamesTheProjectVersion() {
    CliRun.Result result = cli().run("--version");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().matches("cloudmetrics \\d+\\.\\d+\\.\\d+\\R"), result.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rtc", "cdn"})
  void aGroupWithoutItsActionIsAUsageError(String group) {
    CliRun.Result result = cli().run(group);

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode());
    assertEquals("", result.out());
    String action = group.equals("rtc") ? "list-realtime" : "online-users";
    assertEquals(List.of("cloudmetrics: 'cloudmetrics " + group + "' needs a command: " + action,
        "Try 'cloudmetrics " + group + " --help'."),
        result.err().lines().toList());
  }

  @Test
  void theQuickVersionAnswerIsWhatPicocliPrintsToo() {
    // "-V --debug" takes picocli's own path; "--version" alone is answered before picocli starts.
    CliRun.Result quick = cli().run("--version");
    CliRun.Result throughPicocli = cli().run("-V", "--debug");

    assertEquals(0, throughPicocli.exitCode(), throughPicocli.err());
    assertEquals(throughPicocli.out(), quick.out());
    assertEquals(quick.out(), cli().run("-V").out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "rtc list-realtime", "cdn online-users", "emulator"})
  void everyCommandHasHelpWithExamples(String command) {
    List<String> args = new java.util.ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    args.add("--help");

    CliRun.Result result = cli().run(args.toArray(String[]::new));

    assertEquals(0, result.exitCode());
    assertTrue(result.out().contains("Usage: cloudmetrics"), result.out());
    assertTrue(result.out().contains("Examples:"), result.out());
  }

  @Test
  void anUnknownOptionIsAUsageErrorInOneLinePlusAPointerToHelp() {
    CliRun.Result result = cli().run("cdn", "online-users", "--stream-url", "x");

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode());
    assertEquals(2, result.err().lines().count(), result.err());
    assertTrue(result.err().contains("--stream-url"), result.err());
    assertTrue(result.err().contains("cloudmetrics cdn online-users --help"), result.err());
  }

  @Test
  void aBadFormatNamesTheFlagAndTheChoices() {
    CliRun.Result result = cli().run("cdn", "online-users", "-s", "rtmp://a/b/c", "-f", "xml");

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode());
    assertTrue(result.err().contains("--format") && result.err().contains("ndjson"), result.err());
  }

  @Test
  void theSandboxNeedsNoAccountAndNoNetwork() {
    CliRun.Result cdn = cli().run("--sandbox", "cdn", "online-users", "-s", "rtmp://demo.example/live/a", "--last", "2h", "-f", "csv");
    CliRun.Result rtc = cli().run("--sandbox", "rtc", "list-realtime", "--app-id", "demo", "--last", "10m", "-f", "csv");

    assertEquals(0, cdn.exitCode(), cdn.err());
    assertTrue(cdn.out().startsWith("time,online_users\n"), cdn.out());
    assertTrue(cdn.out().lines().count() >= 22, cdn.out()); // 2 h of 5-minute buckets but the last 8 minutes
    assertEquals(0, rtc.exitCode(), rtc.err());
    assertTrue(rtc.out().startsWith("time,app_id,indicator,value\n"), rtc.out());
  }

  @Test
  void theRealProcessEnvironmentSuppliesCredentials() throws Exception {
    // The process's stdout is file descriptor 1 itself (System.out hides why a write failed): captured here instead.
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    String err = tapSystemErr(() -> withEnvironmentVariable("KSYUN_ACCESS_KEY", "AKLTnobody")
        .and("KSYUN_SECRET_KEY", "s3cret-value")
        .execute(() -> {
          CliEnvironment system = CliEnvironment.system();
          assertEquals(0, Main.run(new CliEnvironment(system.clock(), system.variables(),
              new PrintStream(captured, true, StandardCharsets.UTF_8), system.err(), system.in(), system.terminal(),
              system.home(), system.sleeper()), "cdn", "online-users", "-s", "rtmp://a.example/live/x", "--dry-run"));
        }));
    String out = captured.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("Credential=AKLT****"), out);
    assertTrue(!out.contains("s3cret-value") && !err.contains("s3cret-value"));
  }

  @Test
  void theCommittedCompletionScriptsMatchTheCommands() throws Exception {
    CompletionScripts.CompletedCommand commands = CompletionScripts.model();
    Map<String, String> expected = Map.of("cloudmetrics.bash", CompletionScripts.bash(commands),
        "cloudmetrics.zsh", CompletionScripts.zsh(commands));

    for (Map.Entry<String, String> golden : expected.entrySet()) {
      Path script = Path.of("completion", golden.getKey());
      assertEquals(golden.getValue(), Files.readString(script, StandardCharsets.UTF_8),
          script + " is stale: run 'mvn package' and commit completion/");
    }
  }
}
