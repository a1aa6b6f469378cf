package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
