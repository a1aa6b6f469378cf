package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.FaultPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both commands against an emulator that fails on purpose, through the real command line: retried
 * faults leave no trace in the output, lasting ones end the run with exit 5 and one line.
 */
class FaultsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Map<String, String> CREDENTIALS = Map.of(
      "VOLCENGINE_ACCESS_KEY", DemoCredentials.VOLCENGINE.accessKeyId(),
      "VOLCENGINE_SECRET_KEY", DemoCredentials.VOLCENGINE.secretAccessKey(),
      "KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
      "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey());

  /** The two commands, each over a window one request carries, in a format that shows every byte. */
  enum Command {
    RTC("rtc", "list-realtime", "--app-id", "app1", "--start", "2024-05-20T11:50:00", "--end", "2024-05-20T11:51:00",
        "-f", "csv"),
    CDN("cdn", "online-users", "-s", "rtmp://demo.example/live/a,rtmp://demo.example/live/b", "--per-stream",
        "--regions", "CN,HK", "--start", "2024-05-20T10:00", "--end", "2024-05-20T11:00", "-f", "json");

    final String[] words;

    Command(String... words) {
      this.words = words;
    }
  }

  @TempDir Path home;

  CliRun.Result run(Command command, Emulator emulator, String... extra) {
    String[] args = Stream.of(Stream.of(command.words[0], command.words[1], "--endpoint", emulator.baseUri().toString(),
        "--tz", "Asia/Shanghai"), Stream.of(command.words).skip(2), Stream.of(extra))
        .flatMap(s -> s).toArray(String[]::new);
    return new CliRun(CLOCK, CREDENTIALS, home).run(args);
  }

  static Emulator emulator(String faults) {
    return Emulator.start(new EmulatorOptions(0, CLOCK, 0, false).withFaults(FaultPlan.parse(faults)));
  }

  String faultFree(Command command) {
    try (Emulator clean = emulator("none")) {
      CliRun.Result result = run(command, clean);
      assertEquals(0, result.exitCode(), result.err());
      return result.out();
    }
  }

  @ParameterizedTest
  @CsvSource({
      "RTC, 429=first1:0s", "CDN, 429=first1:0s",
      "RTC, 500=first1", "CDN, 500=first1",
      "RTC, 502=first1", "CDN, 502=first1",
      "RTC, 503=first1", "CDN, 503=first1",
      "RTC, 504=first1", "CDN, 504=first1",
      "RTC, html502=first1", "CDN, html502=first1",
      "RTC, reset=first1", "CDN, reset=first1",
      "RTC, truncate=first1", "CDN, truncate=first1",
      "RTC, slow=first1:100ms", "CDN, slow=first1:100ms"})
  void aRetriedFaultLeavesTheOutputAsIfNothingHappened(Command command, String faults) {
    String expected = faultFree(command);
    try (Emulator emulator = emulator(faults)) {
      CliRun.Result result = run(command, emulator, "--retries", "1");

      assertEquals(0, result.exitCode(), result.err());
      assertEquals(expected, result.out());
      assertEquals("", result.err());
      assertEquals(faults.startsWith("slow") ? 1 : 2, emulator.requestCount());
    }
  }

  @ParameterizedTest
  @EnumSource(Command.class)
  void faultsOnAShareOfRequestsAreRetriedAwayRunAfterRun(Command command) {
    String expected = faultFree(command);
    int runs = 6;
    try (Emulator emulator = emulator("429=5%:0s,503=10%,html502=5%,reset=5%,truncate=5%,seed=1")) {
      for (int i = 0; i < runs; i++) {
        CliRun.Result result = run(command, emulator, "--retries", "6");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(expected, result.out());
      }
      assertTrue(emulator.requestCount() > runs, "no request was faulted: " + emulator.requestCount());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "RTC | 429=100%:0s   | cloudmetrics: FlowLimitExceeded: ",
      "CDN | 429=100%:0s   | cloudmetrics: Throttling: ",
      "RTC | 500=100%      | cloudmetrics: InternalError: ",
      "CDN | 504=100%      | cloudmetrics: GatewayTimeout: ",
      "RTC | 503=100%      | cloudmetrics: ServiceUnavailableTemp: ",
      "CDN | 503=100%      | cloudmetrics: ServiceUnavailable: ",
      "RTC | html502=100%  | cloudmetrics: HTTP502: an HTML page titled ",
      "CDN | html502=100%  | cloudmetrics: HTTP502: an HTML page titled ",
      "RTC | reset=100%    | cloudmetrics: ListRealTimeOperationData: connection to 127.0.0.1:",
      "CDN | reset=100%    | cloudmetrics: GetLiveOnlineUserDataByStream: connection to 127.0.0.1:",
      "RTC | truncate=100% | cloudmetrics: ListRealTimeOperationData: connection to 127.0.0.1:",
      "CDN | truncate=100% | cloudmetrics: GetLiveOnlineUserDataByStream: connection to 127.0.0.1:"})
  void aLastingFaultIsExitFiveInOneLineAndTheOutputFileIsKept(Command command, String faults, String message)
      throws IOException {
    Path output = home.resolve("viewers.out");
    Files.writeString(output, "an earlier run\n", StandardCharsets.UTF_8);
    try (Emulator emulator = emulator(faults)) {
      CliRun.Result result = run(command, emulator, "--retries", "1", "-o", output.toString());

      assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
      assertTrue(result.err().startsWith(message), result.err());
      assertEquals(1, result.err().lines().count(), result.err());
      assertEquals("", result.out());
      assertEquals("an earlier run\n", Files.readString(output, StandardCharsets.UTF_8));
      try (Stream<Path> files = Files.list(home)) {
        assertEquals(List.of(output), files.toList(), "a temporary file was left beside the output");
      }
      assertEquals(2, emulator.requestCount());
    }
  }

  @Test
  void okLetsTheFirstRunThroughAndALastingFaultHitsTheNext() {
    String expected = faultFree(Command.CDN);
    try (Emulator emulator = emulator("ok=first1,503=100%")) {
      CliRun.Result first = run(Command.CDN, emulator, "--retries", "0");
      CliRun.Result second = run(Command.CDN, emulator, "--retries", "0");

      assertEquals(0, first.exitCode(), first.err());
      assertEquals(expected, first.out());
      assertEquals(ExitCode.SERVICE_FAILED, second.exitCode(), second.err());
      assertTrue(second.err().startsWith("cloudmetrics: ServiceUnavailable: "), second.err());
    }
  }

  @Test
  void aResetOrCutBodySaysHowOftenItWasTried() {
    try (Emulator emulator = emulator("reset=first2,truncate=first1")) {
      CliRun.Result result = run(Command.CDN, emulator, "--retries", "2");

      assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
      assertTrue(result.err().endsWith("after 3 attempts" + System.lineSeparator()), result.err());
      assertTrue(result.err().contains("fixed content-length"), result.err());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "503=10            | in '503=10': the reach must be a share such as 5% or a count such as first3",
      "503=60%,reset=50% | the shares add up to 110%, more than 100%",
      "teapot=5%         | in 'teapot=5%': unknown fault 'teapot'; one of ok, 429, 500, 502, 503, 504, html502, reset, truncate, slow"})
  void aBadSpecIsExitTwoNamingTheFlagTheValueAndTheRule(String spec, String rule) {
    CliRun.Result result = new CliRun(CLOCK, Map.of(), home).run("emulator", "--port", "0", "--faults", spec);

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode());
    assertEquals("cloudmetrics: --faults '" + spec + "': " + rule + System.lineSeparator(), result.err());
    assertEquals("", result.out());
  }

  @Test
  void helpShowsTheSpecSyntaxWithExamples() {
    CliRun.Result result = new CliRun(CLOCK, Map.of(), home).run("emulator", "--help");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().contains("--faults SPEC: FAULT=REACH[:TIME] entries"), result.out());
    for (String fault : new String[] {"429", "500, 502, 503, 504", "html502", "reset", "truncate", "slow", "firstN",
        "seed=N"}) {
      assertTrue(result.out().contains(fault), fault + " missing from:\n" + result.out());
    }
    assertTrue(result.out().contains("cloudmetrics emulator --faults 429=10%,503=5%,reset=2%,slow=5%:3s,seed=7"),
        result.out());
    assertTrue(result.out().lines().allMatch(line -> line.length() < 80), result.out());
  }
}
