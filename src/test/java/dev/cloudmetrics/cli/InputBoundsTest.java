package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What would fill memory is refused before anything is sent (exit 2), or drawn within bounds. */
class InputBoundsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  /**
   * 200 streams of a week of minutes: --last 7d asks for 10,081 minutes, of which the 10 newest
   * (03:51 to 04:00) are not final yet and left out, so 200 x 10,071 = 2,014,200 points.
   */
  static final String MANY_STREAMS = IntStream.range(0, 200).mapToObj(i -> "rtmp://demo.example/live/s" + i)
      .reduce((a, b) -> a + "," + b).orElseThrow();

  @TempDir Path home;

  CliRun.Result run(Emulator emulator, Map<String, String> extraVariables, String... args) {
    Map<String, String> variables = new HashMap<>(Map.of("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey()));
    variables.putAll(extraVariables);
    String[] withEndpoint = Stream.concat(Stream.of(args), Stream.of("--endpoint", emulator.baseUri().toString()))
        .toArray(String[]::new);
    return new CliRun(CLOCK, variables, home).run(withEndpoint);
  }

  @Test
  void aStreamsFileThatNeverEndsIsRefused() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result result = run(emulator, Map.of(), "cdn", "online-users", "--streams-file", "/dev/zero");

      assertEquals(new CliRun.Result(ExitCode.INVALID_INPUT, "", "cloudmetrics: --streams-file '/dev/zero' is longer "
          + "than 16 MiB; no real one is: is it the right file?\n"), result);
      assertEquals(0, emulator.requestCount());
    }
  }

  @Test
  void aConfigFileThatNeverEndsIsRefused() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result result = run(emulator, Map.of(), "--config", "/dev/zero", "cdn", "online-users",
          "-s", "rtmp://demo.example/live/a");

      assertEquals(new CliRun.Result(ExitCode.INVALID_INPUT, "", "cloudmetrics: the config file /dev/zero is longer "
          + "than 1 MiB; no real one is: is it the right file?\n"), result);
      assertEquals(0, emulator.requestCount());
    }
  }

  @Test
  void aChartForAnEndlessTerminalIsDrawnNoWiderThan2000Columns() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result result = run(emulator, Map.of("COLUMNS", "2147483647"), "cdn", "online-users",
          "-s", "rtmp://demo.example/live/a", "-g", "1", "--last", "2d", "-f", "chart");

      assertEquals(0, result.exitCode(), result.err());
      int widest = result.out().lines().mapToInt(String::length).max().orElseThrow();
      assertTrue(widest > 1000 && widest <= 2100, "widest line: " + widest);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-f table", "-f chart", "-f csv --layout wide", "-f table --layout wide"})
  void whatHoldsEveryRowRefusesMoreThanAMillionPointsAndNamesCsv(String format) {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      String[] args = Stream.concat(Stream.of("cdn", "online-users", "-s", MANY_STREAMS, "--per-stream", "-g", "1",
          "--last", "7d"), Stream.of(format.split(" "))).toArray(String[]::new);

      CliRun.Result result = run(emulator, Map.of(), args);

      String holder = format.contains("wide") ? "--layout wide" : format;
      assertEquals(new CliRun.Result(ExitCode.INVALID_INPUT, "", "cloudmetrics: " + holder + " holds every point until "
          + "the end, and this query has 2014200 (at most 1000000); use -f csv or -f ndjson, which write each row as "
          + "it comes, or a shorter window\n"), result);
      assertEquals(0, emulator.requestCount());
    }
  }
}
