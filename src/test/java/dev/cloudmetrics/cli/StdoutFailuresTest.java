package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.output.CheckedStream;
import dev.cloudmetrics.rtc.SimulatedTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * stdout that fails (a full disk, a closed stdout) ends every kind of run with exit 5 and one line;
 * a reader that goes away (a closed pipe) ends it quietly with 0 and no further requests. The
 * process's stdout is modelled by {@link CheckedStream#stdout}, as {@link CliEnvironment#system()} makes it.
 */
class StdoutFailuresTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String FULL = "No space left on device";
  static final String STREAMS = IntStream.range(0, 20).mapToObj(i -> "rtmp://demo.example/live/s" + i)
      .reduce((a, b) -> a + "," + b).orElseThrow();

  @TempDir Path home;

  /** Takes {@code room} bytes, then fails every write as the kernel would with {@code reason}. */
  static OutputStream failingAfter(int room, String reason) {
    return new OutputStream() {
      private int taken;

      @Override
      public void write(int b) throws IOException {
        if (taken >= room) {
          throw new IOException(reason);
        }
        taken++;
      }
    };
  }

  record Outcome(int code, String err, int requests) {}

  Outcome run(Clock clock, Emulator emulator, OutputStream stdout, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> variables = Map.of(
        "KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(), "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey(),
        "VOLCENGINE_ACCESS_KEY", DemoCredentials.VOLCENGINE.accessKeyId(),
        "VOLCENGINE_SECRET_KEY", DemoCredentials.VOLCENGINE.secretAccessKey());
    SimulatedTime time = clock instanceof SimulatedTime simulated ? simulated : null;
    CliEnvironment environment = time == null
        ? new CliEnvironment(clock, variables, CheckedStream.stdout(stdout, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false, home)
        : new CliEnvironment(clock, variables, CheckedStream.stdout(stdout, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false, home, time);
    String[] withEndpoint = Stream.concat(Stream.of(args[0], args[1], "--endpoint", emulator.baseUri().toString()),
        Stream.of(args).skip(2)).toArray(String[]::new);
    int code = Main.run(environment, withEndpoint);
    return new Outcome(code, err.toString(StandardCharsets.UTF_8), emulator.requestCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "ndjson", "json", "table", "influx", "prometheus", "chart"})
  void aFullDiskUnderStdoutEndsAPlannedRunWithExit5AndOneLine(String format) {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      Outcome outcome = run(CLOCK, emulator, failingAfter(100, FULL), "cdn", "online-users", "-s", STREAMS,
          "--per-stream", "-g", "1", "--last", "2d", "--rate", "100", "-f", format);

      assertEquals(new Outcome(ExitCode.SERVICE_FAILED, "cloudmetrics: cannot write to stdout: " + FULL + "\n",
          outcome.requests()), outcome);
    }
  }

  @Test
  void aFullDiskUnderStdoutEndsAnRtcRunAndAWatchWithExit5() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      Outcome once = run(CLOCK, emulator, failingAfter(0, FULL), "rtc", "list-realtime", "--app-id", "app1",
          "--last", "5m", "-f", "csv");
      assertEquals(new Outcome(ExitCode.SERVICE_FAILED, "cloudmetrics: cannot write to stdout: " + FULL + "\n", 1),
          once);
    }
    SimulatedTime time = new SimulatedTime(NOW, NOW.plus(Duration.ofMinutes(10)));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      Outcome watch = run(time, emulator, failingAfter(0, FULL), "rtc", "list-realtime", "--app-id", "app1",
          "--last", "5m", "-f", "csv", "--watch");
      assertEquals(new Outcome(ExitCode.SERVICE_FAILED, "cloudmetrics: cannot write to stdout: " + FULL + "\n", 1),
          watch);
    }
  }

  @Test
  void aClosedStdoutIsAFailureToo() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      Outcome dryRun = run(CLOCK, emulator, failingAfter(0, "Bad file descriptor"), "cdn", "online-users",
          "-s", "rtmp://demo.example/live/a", "--dry-run");
      assertEquals(new Outcome(ExitCode.SERVICE_FAILED, "cloudmetrics: cannot write to stdout: Bad file descriptor\n", 0),
          dryRun);
    }
  }

  @Test
  void aReaderThatGoesAwayStopsAPlannedRunQuietlyWithoutSendingTheRestOfThePlan() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      // '| head -1': the first line goes out, the next write finds the pipe closed.
      Outcome outcome = run(CLOCK, emulator, failingAfter(60, "Broken pipe"), "cdn", "online-users", "-s", STREAMS,
          "--per-stream", "-g", "1", "--last", "7d", "--rate", "100", "--concurrency", "4", "-f", "csv");

      assertEquals(ExitCode.OK, outcome.code(), outcome.err());
      assertEquals("", outcome.err());
      // The plan is 21 requests; the first answer fills the pipe, and only those already in flight follow it.
      assertTrue(outcome.requests() <= 8, "requests sent: " + outcome.requests());
    }
  }
}
