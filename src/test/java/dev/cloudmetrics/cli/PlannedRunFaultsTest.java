package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.FaultPlan;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Planned runs against an emulator that fails on purpose: retried faults leave no trace, a lasting one a resume point. */
class PlannedRunFaultsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String STREAMS = IntStream.range(0, 3).mapToObj(i -> "rtmp://demo.example/live/c" + i)
      .reduce((a, b) -> a + "," + b).orElseThrow();

  @TempDir Path home;

  static Emulator emulator(String faults) {
    return Emulator.start(new EmulatorOptions(0, CLOCK, 0, false).withFaults(FaultPlan.parse(faults)));
  }

  CliRun.Result run(Emulator emulator, String... extra) {
    String[] args = Stream.concat(Stream.of("cdn", "online-users", "--endpoint", emulator.baseUri().toString(),
        "--tz", "Asia/Shanghai", "-s", STREAMS, "--rate", "100"), Stream.of(extra)).toArray(String[]::new);
    return new CliRun(CLOCK, Map.of("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey()), home).run(args);
  }

  String faultFree(String... args) {
    try (Emulator clean = emulator("none")) {
      CliRun.Result result = run(clean, args);
      assertEquals(0, result.exitCode(), result.err());
      return result.out();
    }
  }

  /** Merged days over 62 days (8 requests), and per-stream minutes over 3 days in two regions (3 requests). */
  static final Map<String, List<String>> PLANS = Map.of(
      "days", List.of("-g", "1d", "--start", "2024-03-19T12:05", "-f", "csv"),
      "minutes", List.of("--per-stream", "--regions", "CN,HK", "-g", "1m", "--start", "2024-05-17T12:00", "-f",
          "ndjson"));

  @ParameterizedTest
  @ValueSource(strings = {"days", "minutes"})
  void throttlingServerErrorsResetsAndDelaysLeaveThePlannedOutputByteForByte(String plan) {
    String[] args = PLANS.get(plan).toArray(String[]::new);
    String expected = faultFree(args);
    try (Emulator emulator = emulator("429=8%:0s,503=6%,reset=4%,truncate=3%,slow=4%:50ms,seed=11")) {
      for (int run = 0; run < 3; run++) {
        CliRun.Result result = run(emulator, Stream.concat(Stream.of(args), Stream.of("--retries", "10"))
            .toArray(String[]::new));

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(expected, result.out());
        assertEquals("", result.err());
      }
      int planned = plan.equals("days") ? 8 : 3;
      assertTrue(emulator.requestCount() > 3 * planned, "no fault was retried: " + emulator.requestCount());
    }
  }

  @Test
  void aLastingFaultMidPlanLeavesCompleteBucketsAndAStartThatResumesExactly() {
    String[] args = PLANS.get("days").toArray(String[]::new);
    String expected = faultFree(args);
    CliRun.Result stopped;
    try (Emulator emulator = emulator("ok=first3,503=100%")) {
      stopped = run(emulator, Stream.concat(Stream.of(args), Stream.of("--retries", "1", "--concurrency", "1"))
          .toArray(String[]::new));
    }

    assertEquals(ExitCode.SERVICE_FAILED, stopped.exitCode(), stopped.err());
    assertEquals(1, stopped.err().lines().count(), stopped.err());
    assertTrue(stopped.err().startsWith("cloudmetrics: ServiceUnavailable: "), stopped.err());
    // The window ends before the day that is not final yet.
    String resume = "--start 2024-04-12T00:00:00+08:00 --end 2024-05-19T23:59:00+08:00";
    assertTrue(stopped.err().contains("; request 4 of 8 (2024-04-12T00:00:00+08:00 to 2024-04-19T00:00:00+08:00) failed;"
        + " every bucket before 2024-04-12T00:00:00+08:00 was written; to fetch the rest, run again with " + resume),
        stopped.err());
    assertEquals(1 + 24, stopped.out().lines().count(), stopped.out()); // header and 19 March to 11 April

    // The same command with the hint's window, appended without a header, completes the output exactly.
    String rest = faultFree(Stream.concat(Stream.of("-g", "1d", "-f", "csv", "--no-header"), Stream.of(resume.split(" ")))
        .toArray(String[]::new));
    assertEquals(expected, stopped.out() + rest);
  }

  /**
   * Every format ends a failed run on whole records: its stdout is byte for byte what a fault-free
   * run of the window before the resume point prints, and for the formats that append (CSV, NDJSON,
   * Influx) the run the advice gives completes it byte for byte.
   */
  @ParameterizedTest
  @ValueSource(strings = {"csv", "ndjson", "json", "influx", "table", "prometheus", "chart", "wide"})
  void aFailedRunInEveryFormatEndsOnWholeRecordsAndItsAdviceFetchesExactlyTheRest(String format) {
    List<String> formatArgs = format.equals("wide") ? List.of("-f", "csv", "--layout", "wide") : List.of("-f", format);
    List<String> plan = Stream.concat(Stream.of("-g", "1h", "--per-stream", "--start", "2024-04-20T12:00"),
        formatArgs.stream()).toList();
    CliRun.Result stopped;
    try (Emulator emulator = emulator("ok=first3,503=100%")) {
      stopped = run(emulator, Stream.concat(plan.stream(), Stream.of("--retries", "0", "--concurrency", "1"))
          .toArray(String[]::new));
    }
    assertEquals(ExitCode.SERVICE_FAILED, stopped.exitCode(), stopped.err());
    String start = "2024-05-11T15:00:00+08:00";
    // The window ends before the hour that is not final yet (11:00-12:00 ends at now): --end names its last minute.
    String end = "2024-05-20T10:59:00+08:00";
    assertTrue(stopped.err().contains("every bucket before " + start + " was written; to fetch the rest, run again with "
        + "--start " + start + " --end " + end), stopped.err());

    // An --end takes the bucket it falls on: the bucket before the resume point is the last one written.
    String[] before = Stream.concat(plan.stream(), Stream.of("--end", "2024-05-11T14:00:00+08:00"))
        .toArray(String[]::new);
    assertEquals(faultFree(before), stopped.out());
    if (List.of("csv", "ndjson", "influx").contains(format)) {
      String[] rest = Stream.concat(Stream.of("-g", "1h", "--per-stream", "--no-header", "--start", start, "--end", end),
          formatArgs.stream()).toArray(String[]::new);
      assertEquals(faultFree(Stream.concat(plan.stream(), Stream.of("--end", end)).toArray(String[]::new)),
          stopped.out() + faultFree(rest));
    }
  }
}
