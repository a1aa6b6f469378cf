package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.Catalogue;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.FaultPlan;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.rtc.SimulatedTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code rtc list-realtime --app-id all}: ListApps, then the apps' data, end to end against the emulator. */
class AppDiscoveryCommandTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:10:00Z"); // the half-hour app exists until 04:30
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path home;
  Emulator emulator;
  CliRun cli;

  @BeforeEach
  void start() {
    emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false));
    cli = new CliRun(CLOCK, ListRealtimeCommandTest.credentials(DemoCredentials.VOLCENGINE.secretAccessKey()), home);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  String[] args(String... extra) {
    return Stream.concat(
        Stream.of("rtc", "list-realtime", "--endpoint", emulator.baseUri().toString(), "--tz", "Asia/Shanghai"),
        Stream.of(extra)).toArray(String[]::new);
  }

  @Test
  void everyListedAppIsQueriedInOneRun() {
    CliRun.Result result = cli.run(args("--app-id", "all", "--start", "2024-05-20T12:08:00", "--end",
        "2024-05-20T12:09:00", "-i", "online_user_count", "-f", "csv"));

    List<String> apps = Catalogue.apps(NOW).stream().map(Catalogue.App::appId).toList();
    assertTrue(apps.contains(Catalogue.HALF_HOUR_APP), "the catalogue at 04:10 holds the half-hour app");
    StringBuilder expected = new StringBuilder("time,app_id,indicator,value\n");
    for (Instant bucket = Instant.parse("2024-05-20T04:08:00Z"); !bucket.isAfter(Instant.parse("2024-05-20T04:09:00Z"));
        bucket = bucket.plusSeconds(30)) {
      String time = WatchCommandTest.BEIJING.format(bucket);
      for (String app : apps) {
        expected.append(time).append(',').append(app).append(",online_user_count,")
            .append(SyntheticData.rtcValue(app, "online_user_count", bucket)).append('\n');
      }
    }
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(expected.toString(), result.out());
    assertEquals("", result.err());
    assertEquals(1 + apps.size(), emulator.requestCount(), "one ListApps, then one request per app");
  }

  @ParameterizedTest
  @ValueSource(strings = {"all,app1", "app1,ALL"})
  void allMixedWithIdsIsRefusedBeforeAnythingIsSent(String appIds) {
    CliRun.Result result = cli.run(args("--app-id", appIds));

    assertEquals(2, result.exitCode());
    assertEquals("", result.out());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("cloudmetrics: --app-id '" + appIds + "': 'all' lists every app"), result.err());
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void allMixedWithIdsInRepeatedFlagsIsRefusedToo() {
    CliRun.Result result = cli.run(args("--app-id", "all", "--app-id", "app1"));

    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("cannot be combined with app ids"), result.err());
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void dryRunShowsTheDiscoveryRequestAndSendsNothing() {
    CliRun.Result result = cli.run(args("--app-id", "all", "--dry-run"));

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("Discovery: RTC ListApps lists the apps"), result.out());
    assertTrue(result.out().contains("POST " + emulator.baseUri() + "/?Action=ListApps&Version=2023-11-01\n"),
        result.out());
    assertTrue(result.out().contains("\n{\"Limit\":\"100\",\"Offset\":\"0\"}\n"), result.out());
    assertTrue(result.out().contains("Signature=<redacted>"), result.out());
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void singaporeListsTheAppsWhereListAppsIsServed() {
    CliRun.Result result = new CliRun(CLOCK, ListRealtimeCommandTest.credentials("secret"), home)
        .run("rtc", "list-realtime", "--app-id", "all", "--region", "ap-singapore-1", "--dry-run");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("POST https://rtc.volcengineapi.com/?Action=ListApps&Version=2023-11-01\n"),
        result.out());
    assertTrue(result.out().contains("/cn-north-1/rtc/request"), result.out());
  }

  @Test
  void discoverEveryWithoutAWatchIsNoted() {
    CliRun.Result result = cli.run(args("--app-id", "all", "--discover-every", "5m", "--last", "1m", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("cloudmetrics: note: --discover-every does nothing without --app-id all and --watch or --serve\n",
        result.err());
  }

  @Test
  void helpNamesTheActionsCalled() {
    CliRun.Result result = cli.run("rtc", "list-realtime", "--help");

    assertEquals(0, result.exitCode());
    assertTrue(result.out().contains("listed by RTC ListApps"), result.out());
    assertTrue(result.out().contains("--app-id all calls RTC ListApps (2023-11-01"), result.out());
    assertTrue(result.out().contains("ListRealTimeOperationData once per app"), result.out());
    assertTrue(result.out().contains("--discover-every"), result.out());
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void watchFollowsAppsThatComeAndGo() {
    // 04:20 to 04:50: the half-hour app is deleted at 04:30; listed again every 5 minutes.
    WatchCommandTest.Run run = watchAll(Instant.parse("2024-05-20T04:20:07Z"), Duration.ofMinutes(30));

    List<String> gone = halfHourApp(run);
    assertFalse(gone.isEmpty(), "printed while it existed");
    String last = gone.get(gone.size() - 1);
    // Listed again at the first poll after 04:30 (the list is due every 5 min): gone from the next bucket on.
    assertTrue(last.startsWith("2024-05-20T12:29") || last.startsWith("2024-05-20T12:30"), last);
    assertTrue(run.lines().stream().anyMatch(line -> line.startsWith("2024-05-20T12:49:00+08:00,demo,")),
        "the other apps go on");
    assertTrue(run.err().contains("cloudmetrics: note: the apps listed again: 1 gone (demo-events); now 4\n"),
        run.err());
  }

  @Test
  void aFailedListingKeepsTheLastGoodListAndIsNoted() {
    // ListApps and the first poll's five requests succeed; every request after them fails.
    WatchCommandTest.Run run = watchAll(Instant.parse("2024-05-20T04:20:07Z"), Duration.ofMinutes(7),
        FaultPlan.parse("ok=first6,500=100%"), "--retries", "0");

    assertTrue(run.err().contains("cloudmetrics: note: listing the apps again failed (InternalError: "), run.err());
    assertTrue(run.err().contains("still following the 5 listed at 2024-05-20T12:20:07+08:00, and trying again at "
        + "the next poll\n"), run.err());
    assertFalse(run.err().contains("the apps listed again:"), "the list was kept: " + run.err());
  }

  /** {@code --app-id all --watch}, listed again every 5 minutes, on simulated time that ends in a Ctrl-C. */
  WatchCommandTest.Run watchAll(Instant start, Duration length) {
    return watchAll(start, length, FaultPlan.none());
  }

  WatchCommandTest.Run watchAll(Instant start, Duration length, FaultPlan faults, String... options) {
    SimulatedTime time = new SimulatedTime(start, start.plus(length));
    try (Emulator simulated = Emulator.start(new EmulatorOptions(0, time, 0, false).withFaults(faults))) {
      WatchCommandTest.Run run = new WatchCommandTest().runIn(home, time, Stream.concat(Stream.of(
          WatchCommandTest.watch(simulated.baseUri().toString(), "--app-id", "all", "--last", "1m", "-i",
              "online_user_count", "--discover-every", "5m", "--rate", "50", "-f", "csv")), Stream.of(options))
          .toArray(String[]::new));
      assertEquals(130, run.exitCode(), run.err());
      return run;
    }
  }

  static List<String> halfHourApp(WatchCommandTest.Run run) {
    return run.lines().stream().filter(line -> line.contains("," + Catalogue.HALF_HOUR_APP + ",")).toList();
  }

  @Test
  void watchAddsAnAppFromItsNextBucket() {
    WatchCommandTest.Run run = watchAll(Instant.parse("2024-05-20T04:50:07Z"), Duration.ofMinutes(20));

    List<String> added = halfHourApp(run);
    assertFalse(added.isEmpty(), run.err());
    // Created at 05:00 and listed at the first poll after: it has every bucket from there to the end.
    String first = added.get(0);
    // The poll just after 05:00 asks from the first bucket not printed yet (12:59:30 Beijing).
    assertTrue(first.startsWith("2024-05-20T12:59:30") || first.startsWith("2024-05-20T13:00"), first);
    String firstTime = first.substring(0, first.indexOf(','));
    long demoFromThere = run.lines().stream().filter(line -> line.contains(",demo,"))
        .filter(line -> line.compareTo(firstTime) >= 0).count();
    assertEquals(demoFromThere, added.size(), "the new app has each bucket the others have from its first on");
    assertTrue(run.err().contains("the apps listed again: 1 new (demo-events); now 5"), run.err());
  }
}
