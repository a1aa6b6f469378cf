package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Typos get the closest name, as git and kubectl do; help says what a command really takes. */
class TyposAndHelpTest {
  @TempDir Path home;

  CliRun.Result run(String... args) {
    return new CliRun(Clock.systemUTC(), Map.of(), home).run(args);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "cdn online-users --granularty 5 -s rtmp://a/live/b | unknown option '--granularty'; did you mean '--granularity'? | cloudmetrics cdn online-users",
      "cdn online-users --granularty=5 -s rtmp://a/live/b | unknown option '--granularty'; did you mean '--granularity'? | cloudmetrics cdn online-users",
      "cdn onlineusers -s rtmp://a/live/b | unknown command 'onlineusers'; did you mean 'online-users'? | cloudmetrics cdn",
      "onlineusers | unknown command 'onlineusers'; did you mean 'cdn online-users'? | cloudmetrics",
      "--sandboxx rtc | unknown option '--sandboxx'; did you mean '--sandbox'? | cloudmetrics",
      "rtc | 'cloudmetrics rtc' needs a command: list-realtime | cloudmetrics rtc",
      "cdn frobnicate | unknown command 'frobnicate'; its commands: online-users | cloudmetrics cdn",
  })
  void aTypoIsNamedAloneWithTheClosestNameAndNothingIsSent(String line, String message, String command) {
    CliRun.Result result = run(line.split(" "));

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode());
    assertEquals("cloudmetrics: " + message + "\nTry '" + command + " --help'.\n", result.err());
    assertEquals("", result.out());
  }

  @Test
  void aValueAfterAnUnknownOptionIsNotCalledAnOptionToo() {
    CliRun.Result result = run("cdn", "online-users", "--granularty", "5", "-s", "rtmp://a/live/b");

    assertFalse(result.err().contains("'5'"), result.err());
  }

  @Test
  void unrelatedWordsGetNoGuess() {
    CliRun.Result result = run("cdn", "online-users", "--zzzzzzzz", "-s", "rtmp://a/live/b");

    assertTrue(result.err().startsWith("cloudmetrics: unknown option '--zzzzzzzz'\n"), result.err());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rtc list-realtime | (default 15m; the API keeps 60m): 30s, 15m, 1h.",
      "cdn online-users | (default 1h; the API keeps 62d): 30m, 2h, 7d, 1w, 1h30m.",
  })
  void eachCommandsHelpGivesItsOwnDefaultWindow(String command, String last) {
    CliRun.Result result = run((command + " --help").split(" "));

    String help = result.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("--last=DURATION The window is the last DURATION before --end or now " + last), result.out());
    assertFalse(command.startsWith("rtc") && help.contains("7d"), result.out());
  }

  @ParameterizedTest
  @CsvSource({"55", "60", "72", "100"})
  void helpIsAsWideAsTheTerminalAndSplitsNoPathOrUrl(int columns) {
    CliRun.Result result = new CliRun(Clock.systemUTC(), Map.of(), home)
        .withTerminal(new TerminalStreams(false, true, true, columns, 40)).run("rtc", "list-realtime", "--help");

    result.out().lines().forEach(line -> assertTrue(line.length() <= columns, columns + ": '" + line + "'"));
    // Below 72 columns the description column is narrower than the config file's path itself.
    assumeTrue(columns >= 72);
    String joined = result.out().replaceAll("\n +", " ");
    assertTrue(joined.contains("http://127.0.0.1:8080"), result.out());
    assertTrue(joined.contains("~/.config/cloudmetrics/config"), result.out());
  }

  @ParameterizedTest
  @CsvSource({"emulator", "configure"})
  void commandsThatCallNoServiceDoNotOfferSandboxOrDebug(String command) {
    CliRun.Result help = run(command, "--help");
    CliRun.Result given = run(command, "--sandbox");

    assertEquals(0, help.exitCode());
    assertFalse(help.out().contains("--sandbox") || help.out().contains("--debug"), help.out());
    assertTrue(run("cdn", "online-users", "--help").out().contains("--sandbox"));
    assertEquals(ExitCode.INVALID_INPUT, given.exitCode());
    assertTrue(given.err().startsWith("cloudmetrics: unknown option '--sandbox'"), given.err());
  }
}
