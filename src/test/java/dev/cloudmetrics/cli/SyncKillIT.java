package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.time.FinalBuckets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SIGKILL, for real: the launcher ({@code dist/cloudmetrics} with the packaged jar) syncing a
 * ten-day, per-stream, 1-minute backfill is killed as soon as DEST holds rows; the next run
 * (in-process) must leave DEST complete: every final bucket of every series once, no gap, no partial row.
 */
class SyncKillIT {
  private static final long PATIENCE_SECONDS = 90;

  @TempDir Path directory;

  @ParameterizedTest
  @EnumSource(SyncDests.class)
  void aRunKilledMidWayLeavesDestSoThatTheNextRunCompletesItExactly(SyncDests kind) throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
      String dest = kind.create(directory, "cdn");
      Map<String, String> environment = new HashMap<>(kind.environment());
      environment.put("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId());
      environment.put("KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey());
      List<String> args = List.of("cdn", "online-users", "--endpoint", emulator.baseUri().toString(),
          "-s", String.join(",", SyncCommandTest.STREAMS), "--regions", "CN,HK", "--per-stream", "-g", "1",
          "--last", "10d", "--concurrency", "1", "--sync", dest);
      Instant started = Instant.now();
      List<String> command = new ArrayList<>(List.of(System.getProperty("cloudmetrics.launcher", "dist/cloudmetrics")));
      command.addAll(args);
      command.addAll(List.of("--rate", "2"));
      Path err = directory.resolve("stderr.txt");
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().putAll(environment);
      builder.environment().put("HOME", directory.toString());
      builder.environment().put("CLOUDMETRICS_CDS", "off");
      Process process = builder.start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (rows(kind, dest) == 0 && process.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertTrue(process.isAlive(), () -> "the run ended before it could be killed: " + read(err));
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertTrue(process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), read(err));
      } finally {
        process.destroyForcibly();
      }
      int keptByTheKilledRun = rows(kind, dest);
      assertTrue(keptByTheKilledRun > 0);

      Instant before = Instant.now();
      List<String> again = new ArrayList<>(args);
      again.addAll(List.of("--rate", "100"));
      CliRun.Result result = new CliRun(Clock.systemUTC(), environment, directory).run(again.toArray(String[]::new));
      Instant after = Instant.now();

      assertEquals(0, result.exitCode(), result.err());
      assertEquals("", result.out());
      assertComplete(kind, dest, started, before, after);
    }
  }

  /** Every series has every bucket from the first run's start to the last final one, once, with its final value. */
  private static void assertComplete(SyncDests kind, String dest, Instant started, Instant before, Instant after)
      throws Exception {
    FinalBuckets buckets = FinalBuckets.cdn(Duration.ofMinutes(1));
    List<SyncDests.Held> held = kind.read(dest, "cdn_online_users", SyncCommandTest.CDN_LABELS, "online_users");
    List<List<String>> series = SyncCommandTest.cdnSeries();
    List<SyncDests.Held> finals = SyncCommandTest.sorted(held.stream().filter(SyncDests.Held::isFinal).toList(), series);
    if (kind == SyncDests.CSV) {
      assertEquals(finals, held, "a CSV file is in time order");
      String text = Files.readString(Path.of(dest), StandardCharsets.UTF_8);
      assertTrue(text.endsWith("\n"), "a partial last line");
    }
    Instant first = finals.get(0).time();
    Instant expectedFirst = started.minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
    assertFalse(first.isBefore(expectedFirst) || first.isAfter(expectedFirst.plus(Duration.ofMinutes(1))),
        "first bucket " + first + ", run started " + started);
    Instant last = finals.get(finals.size() - 1).time().plus(buckets.size());
    assertFalse(last.isBefore(buckets.finalBefore(before)) || last.isAfter(buckets.finalBefore(after)),
        "last final bucket ends " + last);
    List<SyncDests.Held> expected = new ArrayList<>();
    for (Instant t = first; t.isBefore(last); t = t.plus(buckets.size())) {
      for (List<String> labels : series) {
        expected.add(new SyncDests.Held(t, labels,
            Long.toString(SyntheticData.cdnPeak(labels.get(0), labels.get(1), t, 1)), true));
      }
    }
    SyncCommandTest.assertSameRows(expected, finals);
    held.stream().filter(h -> !h.isFinal())
        .forEach(h -> assertFalse(h.time().isBefore(last), "a provisional row among the final ones: " + h));
  }

  /** How many rows DEST holds now (0 while it does not exist yet). */
  private static int rows(SyncDests kind, String dest) {
    try {
      if (kind == SyncDests.CSV) {
        Path file = Path.of(dest);
        return Files.exists(file) ? (int) Math.max(0, Files.readString(file, StandardCharsets.UTF_8).lines().count() - 1) : 0;
      }
      try (var connection = kind.connect(dest); var statement = connection.createStatement();
          var result = statement.executeQuery("SELECT COUNT(*) FROM cdn_online_users")) {
        result.next();
        return result.getInt(1);
      }
    } catch (Exception notYet) {
      return 0;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
