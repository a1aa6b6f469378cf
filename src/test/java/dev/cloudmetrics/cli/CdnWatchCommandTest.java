package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.rtc.SimulatedTime;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cdn online-users --watch} end to end against the emulator, on simulated time that a Ctrl-C ends. */
class CdnWatchCommandTest {
  static final Instant START = Instant.parse("2024-05-20T04:00:07Z"); // 12:00:07 in Beijing
  static final List<String> STREAMS = List.of("rtmp://a.example/live/x", "rtmp://b.example/live/y");

  @TempDir Path home;

  WatchCommandTest.Run run(SimulatedTime time, String... args) {
    WatchCommandTest.TimedLines out = new WatchCommandTest.TimedLines(time);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment = new CliEnvironment(time, ServeCommandTest.cdnKeys(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        InputStream.nullInputStream(), false, home, time);
    int code = Main.run(environment, args);
    return new WatchCommandTest.Run(code, out.lines(), out.writtenAt(), err.toString(StandardCharsets.UTF_8));
  }

  static String[] watch(Emulator emulator, String... extra) {
    return Stream.concat(Stream.of("cdn", "online-users", "--endpoint", emulator.baseUri().toString(), "--tz",
        "Asia/Shanghai", "-s", String.join(",", STREAMS), "--watch", "--rate", "1000"), Stream.of(extra))
        .toArray(String[]::new);
  }

  @Test
  void perStreamCsvHoldsEveryFinalBucketOnceInOrderEachWrittenOnlyOnceFinal() {
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(40)));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      WatchCommandTest.Run run = run(time, watch(emulator, "--per-stream", "--regions", "CN,HK", "-f", "csv"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      assertEquals(WatchCommandTest.INTERRUPTED, run.err());
      // --last 1h from 12:00:07 starts at 11:00; at 12:40:07 the last final 5-minute bucket is 12:25 (ends 12:30, +8 min).
      List<String> expected = new ArrayList<>(List.of("time,stream_url,region,online_users"));
      for (Instant bucket = WatchCommandTest.beijing("11:00:00"); !bucket.isAfter(WatchCommandTest.beijing("12:25:00"));
          bucket = bucket.plus(Duration.ofMinutes(5))) {
        for (String stream : STREAMS) {
          for (String region : List.of("CN", "HK")) {
            expected.add(WatchCommandTest.BEIJING.format(bucket) + "," + stream + "," + region + ","
                + SyntheticData.cdnPeak(stream, region, bucket, 5));
          }
        }
      }
      WatchCommandTest.assertSameLines(expected, run.lines());
      for (int i = 1; i < run.lines().size(); i++) {
        Instant bucket = Instant.from(WatchCommandTest.BEIJING.parse(run.lines().get(i).split(",")[0]));
        assertTrue(bucket.plus(Duration.ofMinutes(5 + 8)).isBefore(run.writtenAt().get(i)),
            "bucket " + bucket + " written at " + run.writtenAt().get(i));
      }
      // A poll per bucket, 2 s after it turned final (8 minutes after its end).
      for (Instant wake : time.wakes()) {
        assertEquals(0, wake.minus(Duration.ofMinutes(8).plusSeconds(2)).getEpochSecond() % 300, "polled at " + wake);
      }
      assertEquals(1 + time.wakes().size(), emulator.requestCount());
    }
  }

  @Test
  void mergedNdjsonWithAShorterLatencyComesSoonerWithWhatTheServiceHadThen() {
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(10)));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      WatchCommandTest.Run run = run(time, watch(emulator, "-g", "1m", "--last", "5m", "--latency", "3m",
          "-f", "ndjson"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      // --last 5m from 12:00:07 starts at 11:55; at 12:10:07, 3 minutes of latency make 12:06 the last final bucket.
      // Data arrives 3 to 8 minutes late, so a bucket taken as final after 3 may still lack viewers.
      List<String> expected = new ArrayList<>();
      int line = 0;
      for (Instant bucket = WatchCommandTest.beijing("11:55:00"); !bucket.isAfter(WatchCommandTest.beijing("12:06:00"));
          bucket = bucket.plus(Duration.ofMinutes(1))) {
        Instant written = run.writtenAt().get(Math.min(line++, run.writtenAt().size() - 1));
        assertTrue(bucket.plus(Duration.ofMinutes(1 + 3)).isBefore(written), bucket + " written at " + written);
        expected.add("{\"time\":\"" + WatchCommandTest.BEIJING.format(bucket) + "\",\"online_users\":"
            + SyntheticData.cdnMergedPeak(STREAMS, List.of("CN"), bucket, 1, written) + "}");
      }
      WatchCommandTest.assertSameLines(expected, run.lines());
    }
  }

  @Test
  void aWindowWithNoFinalBucketYetSaysWhenTheFirstIsDue() {
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(15)));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      WatchCommandTest.Run run = run(time, watch(emulator, "-g", "1m", "--last", "5m", "-f", "csv"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      // --last 5m from 12:00:07 starts at 11:55, which ends at 11:56 and is final 8 minutes later.
      assertEquals("cloudmetrics: note: no bucket from 2024-05-20T11:55:00+08:00 on is final yet (data arrives up to 8m "
          + "late); the first is due at 2024-05-20T12:04:02+08:00\n" + WatchCommandTest.INTERRUPTED, run.err());
      assertEquals(WatchCommandTest.beijing("12:04:02"), run.writtenAt().get(1));
      assertTrue(run.lines().get(1).startsWith("2024-05-20T11:55:00+08:00,"), run.lines().toString());
    }
  }

  @Test
  void anEndAnIntervalShorterThanABucketOrABadLatencyIsExit2WithNothingSent() {
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
      CliRun cli = new CliRun(java.time.Clock.systemUTC(), ServeCommandTest.cdnKeys(), home);
      CliRun.Result end = cli.run(watch(emulator, "--start", "now-1h", "--end", "now-10m"));
      assertEquals(ExitCode.INVALID_INPUT, end.exitCode(), end.err());
      assertTrue(end.err().startsWith("cloudmetrics: --end 'now-10m' cannot be combined with --watch"), end.err());
      CliRun.Result interval = cli.run(watch(emulator, "-g", "5m", "--interval", "1m"));
      assertEquals(ExitCode.INVALID_INPUT, interval.exitCode(), interval.err());
      assertEquals("cloudmetrics: --interval '1m': at least 5m, the granularity (-g); a shorter one finds nothing new\n",
          interval.err());
      CliRun.Result latency = cli.run(watch(emulator, "--latency", "7h"));
      assertEquals(ExitCode.INVALID_INPUT, latency.exitCode(), latency.err());
      assertEquals("cloudmetrics: --latency '7h': at most 6h\n", latency.err());
      assertEquals(0, emulator.requestCount());
    }
  }
}
