package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.cdn.TopStreamsLister;
import dev.cloudmetrics.emulator.Catalogue;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.rtc.SimulatedTime;
import dev.cloudmetrics.serve.Scrape;
import dev.cloudmetrics.time.FinalBuckets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Discovery in the long-running modes, through the real command line against the emulator on
 * simulated time: the list that {@code --app-id all} or {@code --top} made is made again every
 * {@code --discover-every}, and what the account starts or ends is followed.
 */
class DiscoveryFollowedTest {
  @TempDir Path home;

  /** The CLI with CDN keys on simulated time, its stdout lines timed (as in CdnWatchCommandTest). */
  WatchCommandTest.Run cdnRun(SimulatedTime time, String... args) {
    WatchCommandTest.TimedLines out = new WatchCommandTest.TimedLines(time);
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    CliEnvironment environment = new CliEnvironment(time, ServeCommandTest.cdnKeys(),
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
        java.io.InputStream.nullInputStream(), false, home, time);
    int code = Main.run(environment, args);
    return new WatchCommandTest.Run(code, out.lines(), out.writtenAt(), err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The app ids of the RTC series in one scrape, with their online_user_count. */
  static Map<String, Double> rtcApps(Map<String, Double> samples) {
    Map<String, Double> apps = new java.util.TreeMap<>();
    Pattern series = Pattern.compile("cloudmetrics_rtc_indicator\\{app_id=\"([^\"]+)\",indicator=\"online_user_count\"}");
    Scrape.of(samples, "cloudmetrics_rtc_indicator").forEach((name, value) -> {
      Matcher matcher = series.matcher(name);
      if (matcher.matches()) {
        apps.put(matcher.group(1), value);
      }
    });
    return apps;
  }

  @Test
  void rtcServeExposesTheListedAppsAndFollowsOneDeletedAndOneCreated() {
    // 04:20:07 to 05:05:07: demo-events is deleted at 04:30 and created again at 05:00; listed every 5 minutes.
    Instant start = Instant.parse("2024-05-20T04:20:07Z");
    SimulatedTime time = new SimulatedTime(start, start.plus(Duration.ofMinutes(45)));
    FinalBuckets buckets = FinalBuckets.rtc();
    String app = Catalogue.HALF_HOUR_APP;
    List<String> steady = List.of("app-suspended", "app1", "app2", "demo");
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      ServeCommandTest.Served served = new ServeCommandTest.Served(time, home);
      List<Instant> polls = new ArrayList<>(List.of(start));
      List<Instant> listings = new ArrayList<>(List.of(start));
      Instant[] lastSeen = {null};
      Instant[] goneAt = {null};
      Instant[] backAt = {null};
      time.onWake(now -> {
        Instant poll = polls.get(polls.size() - 1);
        if (!poll.isBefore(listings.get(listings.size() - 1).plus(Duration.ofMinutes(5)))) {
          listings.add(poll); // the list was due: that poll listed the apps again first
        }
        Instant listed = listings.get(listings.size() - 1);
        Instant newest = buckets.finalBefore(poll).minusSeconds(30);
        Map<String, Double> apps = rtcApps(Scrape.samples(served.port()));
        for (String one : steady) {
          assertEquals((double) SyntheticData.rtcValue(one, "online_user_count", newest), apps.get(one),
              one + " at " + now + ": " + apps);
        }
        boolean listedNow = Catalogue.apps(listed).stream().anyMatch(a -> a.appId().equals(app));
        if (listedNow) {
          // Listed: the newest final bucket, as for every other app.
          assertEquals((double) SyntheticData.rtcValue(app, "online_user_count", newest), apps.get(app),
              "at " + now + ", listed at " + listed + ": " + apps);
          lastSeen[0] = newest;
          if (goneAt[0] != null && backAt[0] == null) {
            backAt[0] = poll;
          }
        } else if (apps.containsKey(app)) {
          // No longer asked for: its last value stays for 5 final buckets (README: RTC 2.5 minutes).
          assertEquals((double) SyntheticData.rtcValue(app, "online_user_count", lastSeen[0]), apps.get(app),
              "at " + now);
          assertFalse(lastSeen[0].isBefore(buckets.finalBefore(poll).minus(Duration.ofSeconds(150))), "at " + now);
        } else {
          if (goneAt[0] == null) {
            goneAt[0] = poll;
          }
          assertTrue(lastSeen[0].isBefore(buckets.finalBefore(poll).minus(Duration.ofSeconds(150))),
              "left /metrics too early, at " + now + " (last bucket " + lastSeen[0] + ")");
          assertEquals(new TreeSet<>(steady), apps.keySet(), "at " + now);
        }
        polls.add(now);
      });
      ServeCommandTest.Run run = served.run(ServeCommandTest.rtcKeys(), "rtc", "list-realtime", "--endpoint",
          emulator.baseUri().toString(), "--app-id", "all", "-i", "online_user_count", "--last", "5m", "--rate", "50",
          "--discover-every", "5m", "--serve", "127.0.0.1:0");

      assertEquals(ExitCode.OK, run.exitCode(), run.err());
      assertEquals("", run.out());
      String notices = ServeCommandTest.SERVING.matcher(run.err()).replaceAll("");
      assertEquals(ServeCommandTest.FAST
          + "cloudmetrics: note: the apps listed again: 1 gone (demo-events); now 4\n"
          + "cloudmetrics: note: the apps listed again: 1 new (demo-events); now 5\n", notices);
      // Gone from /metrics 5 buckets after the last one it had (04:29:00, so from the poll at 04:32:22).
      assertEquals(Instant.parse("2024-05-20T04:32:22Z"), goneAt[0]);
      // Listed again at the first poll after 05:00 that the list was due at, and shown from that poll on.
      assertEquals(Instant.parse("2024-05-20T05:00:22Z"), backAt[0]);
      assertTrue(listings.size() >= 9, listings.toString());
      // One ListApps per listing, one request per app and poll.
      int requests = 0;
      for (Instant poll : polls) {
        Instant listed = listings.stream().filter(l -> !l.isAfter(poll)).reduce((a, b) -> b).orElseThrow();
        requests += Catalogue.apps(listed).size();
      }
      assertEquals(listings.size() + requests, emulator.requestCount());
    }
  }

  /**
   * What the emulator's GetLiveTopOnlineUserData answers at {@code now} for {@code --top n} in CN:
   * the streams on air in the latest final minute, most viewers first (ties by URL).
   */
  static List<String> top(Instant now, int n) {
    Instant minute = TopStreamsLister.minuteAskedAt(now);
    record Ranked(String url, long viewers) {}
    return Catalogue.streams().stream().filter(s -> s.onAirAt(minute))
        .map(s -> new Ranked(s.streamUrl(), SyntheticData.cdnPeak(s.streamUrl(), "CN", minute, 1, now)))
        .filter(r -> r.viewers() > 0)
        .sorted(Comparator.comparingLong(Ranked::viewers).reversed().thenComparing(Ranked::url))
        .limit(n).map(Ranked::url).toList();
  }

  /** The "listed again" notice for a change of list, as RefreshedList words it (at most five names each). */
  static String changed(String what, List<String> before, List<String> after) {
    List<String> added = new ArrayList<>(new LinkedHashSet<>(after));
    added.removeAll(before);
    List<String> gone = new ArrayList<>(new LinkedHashSet<>(before));
    gone.removeAll(after);
    List<String> parts = new ArrayList<>();
    if (!added.isEmpty()) {
      parts.add(added.size() + " new (" + String.join(", ", added) + ")");
    }
    if (!gone.isEmpty()) {
      parts.add(gone.size() + " gone (" + String.join(", ", gone) + ")");
    }
    return parts.isEmpty() ? "" : "cloudmetrics: note: the " + what + " listed again: " + String.join(", ", parts)
        + "; now " + after.size() + "\n";
  }

  /** With a stream named by -s as well: it is polled first throughout, and never called new or gone. */
  @ParameterizedTest
  @ValueSource(strings = {"", "rtmp://a.example/live/x"})
  void cdnTopPerStreamWatchFollowsStreamsThatStartAndEndFromTheirNextBucket(String named) {
    // 04:00:07 to 04:40:07: the top 5 streams in CN change as streams go off and on air (each 150 of every
    // 180 minutes); the list is made again every 5 minutes, at the first poll (one a minute) that it is due.
    Instant start = Instant.parse("2024-05-20T04:00:07Z");
    Duration every = Duration.ofMinutes(5);
    SimulatedTime time = new SimulatedTime(start, start.plus(Duration.ofMinutes(40)));
    FinalBuckets buckets = FinalBuckets.cdn(Duration.ofMinutes(1));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      List<String> args = new ArrayList<>(List.of("cdn", "online-users", "--endpoint",
          emulator.baseUri().toString(), "--tz", "Asia/Shanghai", "--top", "5", "--per-stream", "--regions", "CN",
          "-g", "1m", "--last", "15m", "--watch", "--discover-every", "5m", "--rate", "1000", "-f", "csv"));
      if (!named.isEmpty()) {
        args.addAll(List.of("-s", named));
      }
      WatchCommandTest.Run run = cdnRun(time, args.toArray(String[]::new));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      List<Instant> polls = Stream.concat(Stream.of(start), time.wakes().stream()).toList();
      List<String> expected = new ArrayList<>(List.of("time,stream_url,region,online_users"));
      List<Instant> expectedWrittenAt = new ArrayList<>(List.of(start));
      StringBuilder notices = new StringBuilder();
      Instant listedAt = start;
      List<String> followed = top(start, 5);
      Instant next = Instant.parse("2024-05-20T03:45:00Z"); // --last 15m from 04:00:07, by the minute
      java.util.Set<String> seen = new java.util.HashSet<>(followed);
      int started = 0;
      int listings = 0;
      for (Instant poll : polls) {
        if (!poll.isBefore(listedAt.plus(every))) {
          List<String> fresh = top(poll, 5);
          notices.append(changed("streams", followed, fresh));
          for (String stream : fresh) {
            if (seen.add(stream)) {
              started++;
            }
          }
          followed = fresh;
          listedAt = poll;
          listings++;
        }
        // A stream listed at this poll has every bucket this poll writes: from the first one not yet written.
        for (; next.isBefore(buckets.finalBefore(poll)); next = next.plus(Duration.ofMinutes(1))) {
          for (String stream : named.isEmpty() ? followed
              : Stream.concat(Stream.of(named), followed.stream()).toList()) {
            expected.add(WatchCommandTest.BEIJING.format(next) + "," + stream + ",CN,"
                + SyntheticData.cdnPeak(stream, "CN", next, 1));
            expectedWrittenAt.add(poll);
          }
        }
      }
      assertTrue(started >= 2 && listings == 7, "the run should see streams start: " + started + " in " + listings);
      WatchCommandTest.assertSameLines(expected, run.lines());
      for (int i = 1; i < expected.size(); i++) {
        assertEquals(expectedWrittenAt.get(i), run.writtenAt().get(i), "written at, line " + (i + 1));
      }
      assertEquals(notices + WatchCommandTest.INTERRUPTED, run.err());
    }
  }

  /** The rows of rtc_realtime in DEST, each bucket's in the order of {@code series} (as CSV writes them). */
  static List<SyncDests.Held> rtcRows(SyncDests kind, String dest, List<List<String>> series) throws Exception {
    List<SyncDests.Held> rows = kind.read(dest, "rtc_realtime", SyncCommandTest.RTC_LABELS, "value");
    return kind == SyncDests.CSV ? rows : SyncCommandTest.sorted(rows, series);
  }

  static List<List<String>> userCounts(List<String> apps) {
    return apps.stream().map(app -> List.of(app, "online_user_count")).toList();
  }

  /** {@code --sync} with {@code --app-id all}: each run lists the apps and brings every one of them up to date. */
  @ParameterizedTest
  @EnumSource(SyncDests.class)
  void rtcSyncOfAllAppsStoresEveryListedAppAndStopsAskingForADeletedOne(SyncDests kind) throws Exception {
    Instant t0 = Instant.parse("2024-05-20T04:00:07Z"); // demo-events exists until 04:30
    SimulatedTime time = new SimulatedTime(t0, Instant.MAX);
    FinalBuckets buckets = FinalBuckets.rtc();
    Instant first = Instant.parse("2024-05-20T03:50:00Z");
    String dest = kind.create(home, "rtc");
    java.util.Map<String, String> environment = new java.util.HashMap<>(kind.environment());
    environment.putAll(ServeCommandTest.rtcKeys());
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      String[] args = {"rtc", "list-realtime", "--endpoint", emulator.baseUri().toString(), "--tz", "Asia/Shanghai",
          "--app-id", "all", "-i", "online_user_count", "--last", "10m", "--sync", dest};
      List<String> listed = Catalogue.apps(t0).stream().map(Catalogue.App::appId).toList();
      assertTrue(listed.contains(Catalogue.HALF_HOUR_APP), listed.toString());

      SyncCommandTest.assertQuiet(new CliRun(time, environment, home).run(args));
      assertEquals(1 + listed.size(), emulator.requestCount(), "one ListApps, then one request per app");
      SyncCommandTest.assertExactly(rtcRows(kind, dest, userCounts(listed)), kind, userCounts(listed), first, buckets,
          t0, List.of(), SyncCommandTest::rtcFinal, SyncCommandTest.rtcAt(t0));

      time.sleep(Duration.ofMinutes(35)); // 04:35:07: demo-events was deleted at 04:30
      Instant t1 = time.instant();
      List<String> steady = Catalogue.apps(t1).stream().map(Catalogue.App::appId).toList();
      assertEquals(listed.size() - 1, steady.size());
      SyncCommandTest.assertQuiet(new CliRun(time, environment, home).run(args));

      List<SyncDests.Held> rows = rtcRows(kind, dest, userCounts(listed));
      List<SyncDests.Held> ofSteady = rows.stream().filter(h -> steady.contains(h.labels().get(0))).toList();
      SyncCommandTest.assertExactly(ofSteady, kind, userCounts(steady), first, buckets, t1, List.of(),
          SyncCommandTest::rtcFinal, SyncCommandTest.rtcAt(t1));
      // The deleted app keeps the final buckets the first run stored, and nothing provisional.
      List<SyncDests.Held> expected = new ArrayList<>();
      for (Instant t = first; t.isBefore(buckets.finalBefore(t0)); t = t.plus(buckets.size())) {
        List<String> labels = List.of(Catalogue.HALF_HOUR_APP, "online_user_count");
        expected.add(new SyncDests.Held(t, labels, SyncCommandTest.rtcFinal(labels, t), true));
      }
      SyncCommandTest.assertSameRows(expected,
          rows.stream().filter(h -> h.labels().get(0).equals(Catalogue.HALF_HOUR_APP)).toList());
    }
  }
}
