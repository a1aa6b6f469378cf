package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.FaultPlan;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.rtc.SimulatedTime;
import dev.cloudmetrics.time.FinalBuckets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --sync DEST} end to end, the same tests against a CSV file, SQLite and a real PostgreSQL:
 * runs an hour apart on simulated time against the emulator, whose values grow until final.
 */
class SyncCommandTest {
  static final Instant T0 = Instant.parse("2024-05-20T04:00:07Z"); // 12:00:07 in Beijing
  static final List<String> STREAMS = List.of("rtmp://demo.example/live/a", "rtmp://demo.example/live/b");
  static final List<String> REGIONS = List.of("CN", "HK");
  static final List<String> APPS = List.of("app1", "app2");
  static final List<String> INDICATORS = List.of("online_user_count", "online_room_count");
  static final List<String> CDN_LABELS = List.of("stream_url", "region");
  static final List<String> RTC_LABELS = List.of("app_id", "indicator");

  @TempDir Path directory;
  SimulatedTime time = new SimulatedTime(T0, Instant.MAX);
  Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false));

  @AfterEach
  void stop() {
    emulator.close();
  }

  CliRun.Result run(SyncDests kind, String... args) {
    Map<String, String> environment = new HashMap<>(kind.environment());
    environment.put("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId());
    environment.put("KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey());
    environment.put("VOLCENGINE_ACCESS_KEY", DemoCredentials.VOLCENGINE.accessKeyId());
    environment.put("VOLCENGINE_SECRET_KEY", DemoCredentials.VOLCENGINE.secretAccessKey());
    return new CliRun(time, environment, directory).run(args);
  }

  /** Per stream, 5-minute buckets unless {@code extra} has its own -g. */
  String[] cdn(String dest, String... extra) {
    List<String> granularity = List.of(extra).contains("-g") ? List.of() : List.of("-g", "5");
    return Stream.of(Stream.of("cdn", "online-users", "--endpoint", emulator.baseUri().toString(), "--tz",
        "Asia/Shanghai", "-s", String.join(",", STREAMS), "--regions", String.join(",", REGIONS), "--per-stream",
        "--rate", "100", "--sync", dest), granularity.stream(), Stream.of(extra)).flatMap(s -> s)
        .toArray(String[]::new);
  }

  String[] rtc(String dest, String... extra) {
    return Stream.concat(Stream.of("rtc", "list-realtime", "--endpoint", emulator.baseUri().toString(), "--tz",
        "Asia/Shanghai", "--app-id", String.join(",", APPS), "--sync", dest), Stream.of(extra))
        .toArray(String[]::new);
  }

  void later(Duration duration) throws InterruptedException {
    time.sleep(duration);
  }

  static void assertQuiet(CliRun.Result result) {
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.out());
    assertEquals("", result.err());
  }

  /**
   * DEST holds exactly: every series' final value for each bucket from {@code first} to the last
   * final one at {@code now} (none in {@code lost}), once, in time order; and (a database) for each
   * newer bucket up to now, every series' value as the service gave it at {@code now}, marked not final.
   */
  static void assertExactly(List<SyncDests.Held> held, SyncDests kind, List<List<String>> series, Instant first,
      FinalBuckets buckets, Instant now, List<Instant> lost, BiFunction<List<String>, Instant, String> finalValue,
      BiFunction<List<String>, Instant, String> valueNow) {
    Instant finalBefore = buckets.finalBefore(now);
    List<SyncDests.Held> expected = new ArrayList<>();
    for (Instant t = first; t.isBefore(finalBefore); t = t.plus(buckets.size())) {
      if (!lost.contains(t)) {
        for (List<String> labels : series) {
          expected.add(new SyncDests.Held(t, labels, finalValue.apply(labels, t), true));
        }
      }
    }
    List<SyncDests.Held> finals = held.stream().filter(SyncDests.Held::isFinal).toList();
    assertSameRows(expected, finals);
    List<SyncDests.Held> provisional = held.stream().filter(h -> !h.isFinal()).toList();
    if (!kind.keepsProvisional()) {
      assertEquals(List.of(), provisional);
      return;
    }
    assertTrue(!provisional.isEmpty(), "no provisional rows at " + now);
    List<SyncDests.Held> expectedProvisional = new ArrayList<>();
    for (Instant t = finalBefore; !t.isAfter(provisional.get(provisional.size() - 1).time()); t = t.plus(buckets.size())) {
      for (List<String> labels : series) {
        expectedProvisional.add(new SyncDests.Held(t, labels, valueNow.apply(labels, t), false));
      }
    }
    assertSameRows(sorted(expectedProvisional, series), sorted(provisional, series));
    assertTrue(!provisional.get(provisional.size() - 1).time().isAfter(now));
  }

  /** Rows of one bucket in the order of {@code series}, as CSV writes them and the check expects them. */
  static List<SyncDests.Held> sorted(List<SyncDests.Held> rows, List<List<String>> series) {
    return rows.stream().sorted(java.util.Comparator.comparing(SyncDests.Held::time)
        .thenComparing(h -> series.indexOf(h.labels()))).toList();
  }

  static void assertSameRows(List<SyncDests.Held> expected, List<SyncDests.Held> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + (i + 1));
    }
    assertEquals(expected.size(), actual.size(), () -> "rows; the first extra or missing: "
        + (expected.size() > actual.size() ? expected : actual).get(Math.min(expected.size(), actual.size())));
  }

  static List<List<String>> cdnSeries() {
    List<List<String>> series = new ArrayList<>();
    STREAMS.forEach(s -> REGIONS.forEach(r -> series.add(List.of(s, r))));
    return series;
  }

  static List<List<String>> rtcSeries() {
    List<List<String>> series = new ArrayList<>();
    APPS.forEach(a -> INDICATORS.forEach(i -> series.add(List.of(a, i))));
    return series;
  }

  List<SyncDests.Held> readCdn(SyncDests kind, String dest) throws Exception {
    List<SyncDests.Held> rows = kind.read(dest, "cdn_online_users", CDN_LABELS, "online_users");
    return kind == SyncDests.CSV ? rows : sorted(rows, cdnSeries());
  }

  List<SyncDests.Held> readRtc(SyncDests kind, String dest) throws Exception {
    List<SyncDests.Held> rows = kind.read(dest, "rtc_realtime", RTC_LABELS, "value");
    return kind == SyncDests.CSV ? rows : sorted(rows, rtcSeries());
  }

  static String cdnFinal(List<String> labels, Instant t) {
    return Long.toString(SyntheticData.cdnPeak(labels.get(0), labels.get(1), t, 5));
  }

  static BiFunction<List<String>, Instant, String> cdnAt(Instant now) {
    return (labels, t) -> Long.toString(SyntheticData.cdnPeak(labels.get(0), labels.get(1), t, 5, now));
  }

  static String rtcFinal(List<String> labels, Instant t) {
    return Long.toString(SyntheticData.rtcValue(labels.get(0), labels.get(1), t));
  }

  static BiFunction<List<String>, Instant, String> rtcAt(Instant now) {
    return (labels, t) -> Long.toString(SyntheticData.rtcValue(labels.get(0), labels.get(1), t, now));
  }

  @ParameterizedTest
  @EnumSource(SyncDests.class)
  void anHourLaterDestHoldsExactlyTheFinalValuesAndARunRightAfterSendsOneRequest(SyncDests kind) throws Exception {
    String dest = kind.create(directory, "cdn");
    FinalBuckets buckets = FinalBuckets.cdn(Duration.ofMinutes(5));
    Instant first = Instant.parse("2024-05-20T02:00:00Z");

    assertQuiet(run(kind, cdn(dest, "--last", "2h")));
    assertExactly(readCdn(kind, dest), kind, cdnSeries(), first, buckets, T0, List.of(), SyncCommandTest::cdnFinal,
        cdnAt(T0));

    later(Duration.ofHours(1));
    assertQuiet(run(kind, cdn(dest, "--last", "2h")));
    Instant t1 = time.instant();
    assertExactly(readCdn(kind, dest), kind, cdnSeries(), first, buckets, t1, List.of(), SyncCommandTest::cdnFinal,
        cdnAt(t1));

    later(Duration.ofSeconds(40));
    int before = emulator.requestCount();
    assertQuiet(run(kind, cdn(dest, "--last", "2h")));
    assertEquals(1, emulator.requestCount() - before, "requests of a run right after the last");
    assertExactly(readCdn(kind, dest), kind, cdnSeries(), first, buckets, time.instant(), List.of(),
        SyncCommandTest::cdnFinal, cdnAt(time.instant()));
  }

  @ParameterizedTest
  @EnumSource(SyncDests.class)
  void rtcKeepsEveryFinalBucketAndNamesTheSpanLostAfterAnOutageLongerThanTheApisHour(SyncDests kind)
      throws Exception {
    String dest = kind.create(directory, "rtc");
    FinalBuckets buckets = FinalBuckets.rtc();
    Instant first = Instant.parse("2024-05-20T03:50:00Z");

    assertQuiet(run(kind, rtc(dest, "--last", "10m")));
    Instant lostFrom = buckets.finalBefore(T0);
    assertExactly(readRtc(kind, dest), kind, rtcSeries(), first, buckets, T0, List.of(), SyncCommandTest::rtcFinal,
        rtcAt(T0));

    later(Duration.ofMinutes(90));
    CliRun.Result outage = run(kind, rtc(dest, "--last", "10m"));
    Instant t1 = time.instant();
    Instant available = Instant.parse("2024-05-20T04:30:00Z"); // 05:30:07 - 60 min + 15 s, in its bucket
    assertEquals(0, outage.exitCode(), outage.err());
    assertEquals("cloudmetrics: note: the buckets from 2024-05-20T11:59:30+08:00 to before 2024-05-20T12:30:00+08:00 "
        + "are no longer available (the API keeps 60 minutes) and are missing from " + dest + "\n", outage.err());
    assertEquals(Instant.parse("2024-05-20T03:59:30Z"), lostFrom, "the first bucket not final at the first run");
    List<Instant> lost = new ArrayList<>();
    for (Instant t = lostFrom; t.isBefore(available); t = t.plus(buckets.size())) {
      lost.add(t);
    }
    assertExactly(readRtc(kind, dest), kind, rtcSeries(), first, buckets, t1, lost, SyncCommandTest::rtcFinal,
        rtcAt(t1));
  }

  @ParameterizedTest
  @EnumSource(SyncDests.class)
  void aDestOfAnotherGranularityModeOrCommandIsRefusedUntouchedWithNothingSent(SyncDests kind) throws Exception {
    String dest = kind.create(directory, "cdn");
    assertQuiet(run(kind, cdn(dest, "--last", "1h")));
    String before = kind.snapshot(dest);
    int requests = emulator.requestCount();

    CliRun.Result granularity = run(kind, cdn(dest, "--last", "1h", "-g", "1m"));
    CliRun.Result merged = run(kind, Stream.of(cdn(dest, "--last", "1h")).filter(a -> !a.equals("--per-stream"))
        .toArray(String[]::new));
    CliRun.Result command = run(kind, rtc(dest, "--last", "10m"));

    for (CliRun.Result refused : List.of(granularity, merged, command)) {
      assertEquals(ExitCode.INVALID_INPUT, refused.exitCode(), refused.err());
      assertEquals("", refused.out());
      assertTrue(refused.err().startsWith("cloudmetrics: --sync '" + (kind == SyncDests.POSTGRESQL ? "postgres@" : dest)),
          refused.err());
      assertTrue(refused.err().contains("; it was left as it was"), refused.err());
      assertEquals(1, refused.err().lines().count(), refused.err());
    }
    assertTrue(granularity.err().contains(kind == SyncDests.CSV ? "buckets of 5m, not the 1m" : "granularity 5, this run has 1"),
        granularity.err());
    assertTrue(merged.err().contains(kind == SyncDests.CSV ? "time,online_users" : "mode per-stream, this run has merged"),
        merged.err());
    assertTrue(command.err().contains(kind == SyncDests.CSV ? "time,app_id,indicator,value"
        : "command cdn online-users, this run has rtc list-realtime"), command.err());
    assertEquals(before, kind.snapshot(dest));
    assertEquals(requests, emulator.requestCount(), "requests sent by refused runs");
  }

  @Test
  void aDestThatIsNoneOfTheFormsAndOptionsThatDoNotGoWithSyncAreRefusedWithNothingSent() {
    CliRun.Result form = run(SyncDests.CSV, cdn(directory.resolve("viewers.txt").toString()));
    CliRun.Result output = run(SyncDests.CSV, cdn(directory.resolve("v.csv").toString(), "-o", "x.csv"));
    CliRun.Result end = run(SyncDests.CSV, cdn(directory.resolve("v.csv").toString(), "--end", "now-1h"));
    CliRun.Result watch = run(SyncDests.CSV, rtc(directory.resolve("r.csv").toString(), "--watch"));
    CliRun.Result latency = run(SyncDests.CSV, rtc(directory.resolve("r.csv").toString(), "--latency", "1d"));

    assertEquals("cloudmetrics: --sync '" + directory.resolve("viewers.txt") + "': not a DEST this tool knows; use "
        + "PATH.csv, PATH.db, PATH.sqlite, sqlite:PATH, postgresql://USER@HOST:PORT/DB or jdbc:postgresql://...\n",
        form.err());
    assertTrue(output.err().startsWith("cloudmetrics: --output 'x.csv' cannot be combined with --sync"), output.err());
    assertTrue(end.err().startsWith("cloudmetrics: --end 'now-1h' cannot be combined with --sync"), end.err());
    assertTrue(watch.err().startsWith("cloudmetrics: --watch cannot be combined with --sync"), watch.err());
    assertEquals("cloudmetrics: --latency '1d': at most 6h\n", latency.err());
    for (CliRun.Result refused : List.of(form, output, end, watch, latency)) {
      assertEquals(ExitCode.INVALID_INPUT, refused.exitCode(), refused.err());
    }
    assertEquals(0, emulator.requestCount());
  }

  @ParameterizedTest
  @EnumSource(SyncDests.class)
  void aRunThatFailsAfterRetriesKeepsEveryWholeBucketItGotAndTheNextRunCompletesDest(SyncDests kind)
      throws Exception {
    String dest = kind.create(directory, "cdn");
    emulator.close();
    // Per stream, 1-minute buckets over 5 days: three requests; the third fails for good.
    emulator = Emulator.start(new EmulatorOptions(0, time, 0, false).withFaults(FaultPlan.parse("ok=first2,503=100%")));
    String[] args = cdn(dest, "--last", "5d", "--concurrency", "1", "--retries", "0", "-g", "1");

    CliRun.Result failed = run(kind, args);
    assertEquals(ExitCode.SERVICE_FAILED, failed.exitCode(), failed.err());
    assertTrue(failed.err().contains("request 3 of 3"), failed.err());
    assertTrue(failed.err().endsWith("the next --sync run resumes from there\n"), failed.err());
    List<SyncDests.Held> kept = readCdn(kind, dest);
    assertTrue(!kept.isEmpty(), "nothing kept");

    emulator.close();
    emulator = Emulator.start(new EmulatorOptions(0, time, 0, false));
    later(Duration.ofMinutes(10));
    String[] again = Stream.of(args).map(a -> a.startsWith("http://") ? emulator.baseUri().toString() : a)
        .toArray(String[]::new);
    assertQuiet(run(kind, again));
    FinalBuckets buckets = FinalBuckets.cdn(Duration.ofMinutes(1));
    Instant first = T0.minus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    assertExactly(readCdn(kind, dest), kind, cdnSeries(), first, buckets, time.instant(), List.of(),
        (labels, t) -> Long.toString(SyntheticData.cdnPeak(labels.get(0), labels.get(1), t, 1)),
        (labels, t) -> Long.toString(SyntheticData.cdnPeak(labels.get(0), labels.get(1), t, 1, time.instant())));
  }

  @ParameterizedTest
  @EnumSource(value = SyncDests.class, names = {"SQLITE", "POSTGRESQL"})
  void aWriteThatFailsMidBackfillEndsTheRunAtTheLastCommittedBucketAndTheNextRunCompletesDest(SyncDests kind)
      throws Exception {
    String dest = kind.create(directory, "cdn");
    // 30 days, 1-minute buckets, 4 series: 172,800 rows, more than one transaction. The database
    // refuses every row from day 25 on, as a full disk would, once a transaction has been committed.
    Instant first = T0.minus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    Instant refusedFrom = first.plus(Duration.ofDays(25));
    try (java.sql.Connection connection = kind.connect(dest);
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE cdn_online_users (time BIGINT NOT NULL, granularity INTEGER NOT NULL, "
          + "stream_url TEXT NOT NULL, region TEXT NOT NULL, online_users BIGINT NOT NULL, final BOOLEAN NOT NULL, "
          + "PRIMARY KEY (granularity, stream_url, region, time))" + (kind == SyncDests.SQLITE ? " WITHOUT ROWID" : ""));
      if (kind == SyncDests.SQLITE) {
        statement.execute("CREATE TRIGGER disk_full BEFORE INSERT ON cdn_online_users WHEN NEW.time >= "
            + refusedFrom.getEpochSecond() + " BEGIN SELECT RAISE(ABORT, 'no space left on device'); END");
      } else {
        statement.execute("CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.time >= "
            + refusedFrom.getEpochSecond() + " THEN RAISE EXCEPTION 'no space left on device'; END IF; "
            + "RETURN NEW; END $$");
        statement.execute("CREATE TRIGGER disk_full BEFORE INSERT ON cdn_online_users FOR EACH ROW EXECUTE FUNCTION disk_full()");
        connection.commit();
      }
    }
    String[] args = cdn(dest, "--last", "30d", "-g", "1");

    CliRun.Result failed = run(kind, args);
    assertEquals(ExitCode.SERVICE_FAILED, failed.exitCode(), failed.err());
    assertTrue(failed.err().startsWith("cloudmetrics: --sync '"), failed.err());
    assertTrue(failed.err().contains("no space left on device"), failed.err());
    assertTrue(failed.err().contains("the next --sync run resumes after"), failed.err());
    assertTrue(!failed.err().contains("\tat "), failed.err());
    // What DEST holds: whole buckets, every series, from the first one on, none at or after the refusal.
    List<SyncDests.Held> kept = readCdn(kind, dest);
    assertTrue(!kept.isEmpty(), "nothing committed before the failure");
    Instant lastKept = kept.get(kept.size() - 1).time();
    assertTrue(lastKept.isBefore(refusedFrom), "kept " + lastKept);
    List<SyncDests.Held> expected = new ArrayList<>();
    for (Instant t = first; !t.isAfter(lastKept); t = t.plus(Duration.ofMinutes(1))) {
      for (List<String> labels : cdnSeries()) {
        expected.add(new SyncDests.Held(t, labels,
            Long.toString(SyntheticData.cdnPeak(labels.get(0), labels.get(1), t, 1)), true));
      }
    }
    assertSameRows(expected, kept);

    try (java.sql.Connection connection = kind.connect(dest);
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("DROP TRIGGER disk_full" + (kind == SyncDests.POSTGRESQL ? " ON cdn_online_users" : ""));
      if (kind == SyncDests.POSTGRESQL) {
        connection.commit();
      }
    }
    int before = emulator.requestCount();
    assertQuiet(run(kind, args));
    assertTrue(emulator.requestCount() - before < 10, "the next run fetched everything again");
    FinalBuckets buckets = FinalBuckets.cdn(Duration.ofMinutes(1));
    assertExactly(readCdn(kind, dest), kind, cdnSeries(), first, buckets, time.instant(), List.of(),
        (labels, t) -> Long.toString(SyntheticData.cdnPeak(labels.get(0), labels.get(1), t, 1)),
        (labels, t) -> Long.toString(SyntheticData.cdnPeak(labels.get(0), labels.get(1), t, 1, time.instant())));
  }

  @ParameterizedTest
  @EnumSource(SyncDests.class)
  void aSecondRunWaitsForTheFirstsLockThenGivesUpWithExit5AndNothingSent(SyncDests kind) throws Exception {
    String dest = kind.create(directory, "cdn");
    assertQuiet(run(kind, cdn(dest, "--last", "1h")));
    String before = kind.snapshot(dest);
    int requests = emulator.requestCount();
    AutoCloseable held = hold(kind, dest);
    try {
      CliRun.Result busy = run(kind, cdn(dest, "--last", "1h"));

      assertEquals(ExitCode.SERVICE_FAILED, busy.exitCode(), busy.err());
      assertTrue(busy.err().matches("cloudmetrics: --sync '.*': another cloudmetrics run is updating it; waited 10 s "
          + "for it to finish; nothing was fetched or written \\(run again later\\)\n"), busy.err());
    } finally {
      held.close();
    }
    assertEquals(before, kind.snapshot(dest));
    assertEquals(requests, emulator.requestCount());
    later(Duration.ofMinutes(5));
    assertQuiet(run(kind, cdn(dest, "--last", "1h")));
  }

  /** Holds DEST's lock as another run would: the lock file beside a file DEST, the advisory lock in PostgreSQL. */
  static AutoCloseable hold(SyncDests kind, String dest) throws Exception {
    if (kind == SyncDests.POSTGRESQL) {
      java.sql.Connection connection = kind.connect(dest);
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(hashtext('cloudmetrics --sync cdn_online_users'))");
      }
      return connection::close;
    }
    java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(Path.of(dest + ".lock"),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
    java.nio.channels.FileLock lock = channel.lock();
    return () -> {
      lock.release();
      channel.close();
    };
  }

  @ParameterizedTest
  @EnumSource(value = SyncDests.class, names = {"SQLITE", "POSTGRESQL"})
  void aStreamAddedLaterIsBackfilledFromStartAndADroppedOnesProvisionalRowsAreForgotten(SyncDests kind)
      throws Exception {
    String dest = kind.create(directory, "cdn");
    String[] one = Stream.of(cdn(dest, "--last", "1h")).map(a -> a.equals(String.join(",", STREAMS)) ? STREAMS.get(0) : a)
        .toArray(String[]::new);
    assertQuiet(run(kind, one));
    later(Duration.ofMinutes(30));
    String[] other = Stream.of(one).map(a -> a.equals(STREAMS.get(0)) ? STREAMS.get(1) : a).toArray(String[]::new);

    assertQuiet(run(kind, other));

    List<SyncDests.Held> rows = readCdn(kind, dest);
    Set<String> streamsWithProvisional = new LinkedHashSet<>();
    rows.stream().filter(h -> !h.isFinal()).forEach(h -> streamsWithProvisional.add(h.labels().get(0)));
    assertEquals(Set.of(STREAMS.get(1)), streamsWithProvisional);
    Instant firstOfB = rows.stream().filter(h -> h.labels().get(0).equals(STREAMS.get(1))).map(SyncDests.Held::time)
        .min(Instant::compareTo).orElseThrow();
    assertEquals(Instant.parse("2024-05-20T03:30:00Z"), firstOfB, "backfilled from --last 1h at the second run");
  }

  @ParameterizedTest
  @EnumSource(value = SyncDests.class, names = {"SQLITE", "POSTGRESQL"})
  void mergedSeriesOfDifferentStreamSetsAreKeptApart(SyncDests kind) throws Exception {
    String dest = kind.create(directory, "cdn");
    String[] both = Stream.of(cdn(dest, "--last", "30m")).filter(a -> !a.equals("--per-stream")).toArray(String[]::new);
    String[] onlyA = Stream.of(both).map(a -> a.equals(String.join(",", STREAMS)) ? STREAMS.get(0) : a)
        .toArray(String[]::new);

    assertQuiet(run(kind, both));
    assertQuiet(run(kind, onlyA));

    List<SyncDests.Held> rows = kind.read(dest, "cdn_online_users", CDN_LABELS, "online_users");
    Set<List<String>> keys = new LinkedHashSet<>();
    rows.forEach(h -> keys.add(h.labels()));
    assertEquals(2, keys.size(), keys.toString());
    for (List<String> key : keys) {
      assertTrue(key.get(0).matches("merged:[0-9a-f]{16}"), key.toString());
      assertEquals("CN,HK", key.get(1));
    }
    Instant t = Instant.parse("2024-05-20T03:40:00Z");
    Set<String> values = new LinkedHashSet<>();
    rows.stream().filter(h -> h.time().equals(t)).forEach(h -> values.add(h.value()));
    assertEquals(Set.of(Long.toString(SyntheticData.cdnMergedPeak(STREAMS, REGIONS, t, 5)),
        Long.toString(SyntheticData.cdnMergedPeak(List.of(STREAMS.get(0)), REGIONS, t, 5))), values);
  }

  @Test
  void aPartlyWrittenBucketLeftByAKilledRunIsCutOffAndFetchedAgain() throws Exception {
    String dest = SyncDests.CSV.create(directory, "cdn");
    assertQuiet(run(SyncDests.CSV, cdn(dest, "--last", "1h")));
    // What SIGKILL in the middle of an append leaves: a bucket's first line and half of its second.
    Path file = Path.of(dest);
    List<String> lines = java.nio.file.Files.readAllLines(file);
    String next = "2024-05-20T11:55:00+08:00,rtmp://demo.example/live/a,CN,1\r\n2024-05-20T11:55:00+08:00,rtmp://de";
    java.nio.file.Files.writeString(file, next, java.nio.file.StandardOpenOption.APPEND);
    later(Duration.ofMinutes(20));

    CliRun.Result result = run(SyncDests.CSV, cdn(dest, "--last", "1h"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("cloudmetrics: note: --sync '" + dest + "': cut off " + next.length() + " bytes that an interrupted "
        + "run left unfinished; the buckets they held are fetched again\n", result.err());
    assertTrue(lines.size() > 1);
    assertExactly(readCdn(SyncDests.CSV, dest), SyncDests.CSV, cdnSeries(), Instant.parse("2024-05-20T03:00:00Z"),
        FinalBuckets.cdn(Duration.ofMinutes(5)), time.instant(), List.of(), SyncCommandTest::cdnFinal,
        cdnAt(time.instant()));
  }

  @Test
  void postgresqlAsksForTlsWhenTheUrlDoesAndAWrongPasswordIsACredentialsFailureThatShowsNoSecret() {
    String url = SyncDests.POSTGRESQL.create(directory, "cdn");

    CliRun.Result tls = run(SyncDests.POSTGRESQL, cdn(url + "?sslmode=require", "--last", "1h"));
    Map<String, String> wrong = new HashMap<>(Map.of("PGPASSWORD", "not-the-password"));
    wrong.put("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId());
    wrong.put("KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey());
    CliRun.Result password = new CliRun(time, wrong, directory).run(cdn(url, "--last", "1h"));

    // The test server has no certificate: the driver asked for TLS and was refused.
    assertEquals(ExitCode.SERVICE_FAILED, tls.exitCode(), tls.err());
    assertTrue(tls.err().startsWith("cloudmetrics: --sync 'postgres@127.0.0.1:") && tls.err().contains("SSL"),
        tls.err());
    assertEquals(ExitCode.CREDENTIALS, password.exitCode(), password.err());
    assertTrue(password.err().contains("password authentication failed"), password.err());
    assertTrue(!password.err().contains("not-the-password") && !tls.err().contains(
        dev.cloudmetrics.sync.PostgresServer.PASSWORD), password.err());
    assertEquals(0, emulator.requestCount());
  }
}
