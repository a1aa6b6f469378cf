package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CDN data arrives 3-8 minutes late: the buckets that ended within the last 8 minutes are left out
 * (their peaks may still grow), unless --include-incomplete, as RTC does for its 20 s.
 */
class IncompleteCdnBucketsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String STREAM = "rtmp://demo.example/live/a";

  @TempDir Path home;

  CliRun.Result run(Emulator emulator, String... extra) {
    Map<String, String> env = Map.of("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey());
    return new CliRun(CLOCK, env, home).run(Stream.concat(Stream.of("cdn", "online-users", "--endpoint",
        emulator.baseUri().toString(), "-s", STREAM, "--tz", "Asia/Shanghai"),
        Stream.of(extra)).toArray(String[]::new));
  }

  static String row(String beijing, Instant now) {
    Instant bucket = Instant.parse(beijing + ":00+08:00");
    return beijing.replace(' ', 'T') + ":00+08:00," + SyntheticData.cdnMergedPeak(List.of(STREAM), List.of("CN"), bucket, 5, now)
        + "\n";
  }

  @Test
  void bucketsThatEndedWithinEightMinutesAreLeftOutWithANoteWhenEndIsTyped() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result result = run(emulator, "--start", "2024-05-20T11:40", "--end", "now", "-f", "csv", "--no-header");

      assertEquals(ExitCode.OK, result.exitCode(), result.err());
      // 11:45 ended at 11:50, more than 8 minutes ago; 11:50 and 11:55 may still grow.
      Instant later = NOW.plus(Duration.ofHours(1));
      assertEquals(row("2024-05-20T11:40", later) + row("2024-05-20T11:45", later), result.out());
      assertEquals("cloudmetrics: note: the buckets from 2024-05-20T11:50:00+08:00 on are left out: they are "
          + "incomplete, as CDN data arrives 3-8 minutes late (--include-incomplete keeps them)\n", result.err());
    }
  }

  @Test
  void includeIncompleteKeepsThemWithTheValuesOfNow() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result result = run(emulator, "--start", "2024-05-20T11:40", "--include-incomplete", "-f", "csv",
          "--no-header");

      assertEquals(ExitCode.OK, result.exitCode(), result.err());
      assertEquals(row("2024-05-20T11:40", NOW) + row("2024-05-20T11:45", NOW) + row("2024-05-20T11:50", NOW)
          + row("2024-05-20T11:55", NOW) + row("2024-05-20T12:00", NOW), result.out());
      assertTrue(SyntheticData.cdnMergedPeak(List.of(STREAM), List.of("CN"), Instant.parse("2024-05-20T03:55:00Z"), 5, NOW)
          < SyntheticData.cdnMergedPeak(List.of(STREAM), List.of("CN"), Instant.parse("2024-05-20T03:55:00Z"), 5,
              NOW.plus(Duration.ofHours(1))), "the emulator's newest bucket is still growing");
    }
  }

  @Test
  void prometheusPublishesTheNewestFinalBucketAndAWindowWithNoneIsRefused() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result prometheus = run(emulator, "--last", "30m", "-f", "prometheus", "--timestamps");
      CliRun.Result tooRecent = run(emulator, "--last", "5m", "-f", "csv", "--no-header");

      assertEquals(ExitCode.OK, prometheus.exitCode(), prometheus.err());
      long final1145 = SyntheticData.cdnMergedPeak(List.of(STREAM), List.of("CN"), Instant.parse("2024-05-20T03:45:00Z"), 5);
      assertTrue(prometheus.out().contains("cloudmetrics_cdn_online_users " + final1145 + " "
          + Instant.parse("2024-05-20T03:45:00Z").toEpochMilli()), prometheus.out());
      assertEquals("", prometheus.err());
      assertEquals(ExitCode.INVALID_INPUT, tooRecent.exitCode(), tooRecent.err());
      assertTrue(tooRecent.err().startsWith("cloudmetrics: the window 2024-05-20T11:55:00+08:00 to "
          + "2024-05-20T12:00:00+08:00 holds no final bucket yet"), tooRecent.err());
      assertEquals(1, emulator.requestCount());
    }
  }
}
