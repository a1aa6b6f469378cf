package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.cdn.TopStreamsLister;
import dev.cloudmetrics.emulator.Catalogue;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.time.ApiTimeFormats;
import dev.cloudmetrics.time.FinalBuckets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cdn online-users --top N}: the top list, then the query of its streams, end to end against the emulator. */
class TopStreamsCommandTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final Instant MINUTE = Instant.parse("2024-05-20T03:50:00Z"); // the latest final minute at NOW

  @TempDir Path home;
  Emulator emulator;
  CliRun cli;

  @BeforeEach
  void start() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    emulator = Emulator.start(new EmulatorOptions(0, clock, 0, false));
    cli = new CliRun(clock, Map.of(
        "KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey()), home);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  String[] args(String... extra) {
    return Stream.concat(
        Stream.of("cdn", "online-users", "--endpoint", emulator.baseUri().toString(), "--tz", "Asia/Shanghai"),
        Stream.of(extra)).toArray(String[]::new);
  }

  /** The catalogue's streams on air in the minute, by their final viewers in CN, most first: what the top list must be. */
  static List<String> expectedTop(int n) {
    return Catalogue.streams().stream().filter(s -> s.onAirAt(MINUTE))
        .sorted(Comparator.comparingLong((Catalogue.Stream s) -> -SyntheticData.cdnPeak(s.streamUrl(), "CN", MINUTE, 1))
            .thenComparing(Catalogue.Stream::streamUrl))
        .limit(n).map(Catalogue.Stream::streamUrl).toList();
  }

  /** The distinct stream URLs of per-stream CSV, in the order they first appear. */
  static List<String> streamsOf(String csv) {
    Set<String> streams = new LinkedHashSet<>();
    csv.lines().skip(1).forEach(line -> streams.add(line.split(",")[1]));
    return List.copyOf(streams);
  }

  @Test
  void theMinuteAskedForIsFinal() {
    assertEquals(MINUTE, TopStreamsLister.minuteAskedAt(NOW));
    assertTrue(FinalBuckets.cdn(Duration.ofMinutes(1)).isFinal(MINUTE, NOW));
    assertTrue(!FinalBuckets.cdn(Duration.ofMinutes(1)).isFinal(MINUTE.plusSeconds(60), NOW), "and the latest such");
  }

  @Test
  void perStreamQueriesTheTopStreamsWithTheirValues() {
    CliRun.Result result = cli.run(args("--top", "5", "--per-stream", "-g", "1", "--start", "2024-05-20T11:49",
        "--end", "2024-05-20T11:50", "-f", "csv"));

    List<String> top = expectedTop(5);
    StringBuilder expected = new StringBuilder("time,stream_url,region,online_users\n");
    // The minute ranked and the one before: the newest final minutes (11:51 on are not final at 12:00).
    for (Instant bucket : List.of(MINUTE.minusSeconds(60), MINUTE)) {
      for (String stream : top) {
        expected.append(WatchCommandTest.BEIJING.format(bucket)).append(',').append(stream).append(",CN,")
            .append(SyntheticData.cdnPeak(stream, "CN", bucket, 1, NOW)).append("\n");
      }
    }
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(expected.toString(), result.out());
    assertEquals("", result.err());
    assertEquals(2, emulator.requestCount(), "one top list, one query");
  }

  @Test
  void theRankingAgreesWithThePerMinuteValues() {
    CliRun.Result result = cli.run(args("--top", "40", "--per-stream", "--regions", "CN,HK", "-g", "1", "--start",
        "2024-05-20T11:49", "--end", "2024-05-20T11:50", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    // Streams are queried in the top list's order: the sum over regions of the queried minute never grows.
    long previous = Long.MAX_VALUE;
    List<String> streams = streamsOf(result.out());
    assertEquals(40, streams.size());
    for (String stream : streams) {
      long sum = result.out().lines().filter(line -> line.startsWith("2024-05-20T11:50:00+08:00," + stream + ","))
          .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(',') + 1))).sum();
      assertTrue(sum <= previous, stream + " has " + sum + " after " + previous);
      previous = sum;
    }
  }

  @Test
  void mergedIsThePeakOfTheTopStreams() {
    CliRun.Result result = cli.run(args("--top", "3", "-g", "5", "--start", "2024-05-20T11:00", "--end",
        "2024-05-20T11:05", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    Instant bucket = Instant.parse("2024-05-20T03:00:00Z");
    assertEquals("time,online_users\n"
        + "2024-05-20T11:00:00+08:00," + SyntheticData.cdnMergedPeak(expectedTop(3), List.of("CN"), bucket, 5) + "\n"
        + "2024-05-20T11:05:00+08:00," + SyntheticData.cdnMergedPeak(expectedTop(3), List.of("CN"), bucket.plusSeconds(300), 5)
        + "\n", result.out());
  }

  @Test
  void streamsNamedAndDiscoveredAreBothQueriedOnce() {
    List<String> top = expectedTop(3);
    CliRun.Result result = cli.run(args("-s", "rtmp://demo.example/live/a," + top.get(1), "--top", "3", "--per-stream",
        "-g", "1", "--start", "2024-05-20T11:49", "--end", "2024-05-20T11:50", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(List.of("rtmp://demo.example/live/a", top.get(1), top.get(0), top.get(2)), streamsOf(result.out()));
  }

  @Test
  void aLongWindowIsPlannedAsUsual() {
    CliRun.Result result = cli.run(args("--top", "3", "--per-stream", "-g", "1", "--start", "2024-05-12T12:00",
        "--end", "2024-05-20T11:50", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    long rows = result.out().lines().count() - 1;
    // Up to the latest final minute, 11:50 in Beijing.
    long minutes = Duration.between(Instant.parse("2024-05-12T04:00:00Z"), MINUTE)
        .toMinutes() + 1;
    assertEquals(3 * minutes, rows);
    assertTrue(emulator.requestCount() > 3, "one top list and a plan of several requests: " + emulator.requestCount());
  }

  @Test
  void moreThan200ComeFromOneCallPerLiveDomain() {
    CliRun.Result result = cli.run(args("--top", "240", "--domain-ids", "all", "--per-stream", "-g", "1",
        "--start", "2024-05-20T11:49", "--end", "2024-05-20T11:50", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    List<String> expected = expectedTop(240);
    assertEquals(240, expected.size(), "the catalogue has that many streams on air");
    assertEquals(Set.copyOf(expected), Set.copyOf(streamsOf(result.out())));
    // GetCdnDomains, one top list per domain, then the query (240 streams fit one request at two minutes).
    assertEquals(1 + Catalogue.DOMAINS.size() + 1, emulator.requestCount());
  }

  @Test
  void aFullListAtTheCeilingIsNotedAsPerhapsCut() {
    CliRun.Result result = cli.run(args("--top", "200", "-g", "5", "--last", "20m", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("cloudmetrics: note: GetLiveTopOnlineUserData returned exactly LimitN 200 streams: the list may have "
        + "been cut; --domain-ids all asks each live domain apart\n", result.err());
  }

  @Test
  void dryRunShowsTheTopListRequestAndSendsNothing() {
    CliRun.Result result = cli.run(args("--top", "20", "--regions", "CN,HK", "--dry-run"));

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("Discovery: GetLiveTopOnlineUserData for the minute 2024-05-20T11:50+0800"),
        result.out());
    assertTrue(result.out().contains("POST " + emulator.baseUri() + "/2016-09-01/statistics/GetLiveTopOnlineUserData\n"),
        result.out());
    assertTrue(result.out().contains("StartTime=" + ApiTimeFormats.beijingMinutes(MINUTE).replace(":", "%3A")
        .replace("+", "%2B") + "&ResultType=1&Regions=CN%2CHK&LimitN=20"), result.out());
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void discoverEveryInAOneOffRunIsNoted() {
    CliRun.Result result = cli.run(args("--top", "3", "--discover-every", "5m", "--last", "20m", "-f", "csv"));

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("cloudmetrics: note: --discover-every does nothing without --top and --watch or --serve: the streams "
        + "are listed once\n", result.err());
  }

  @Test
  void helpNamesTheActionsCalled() {
    CliRun.Result result = cli.run("cdn", "online-users", "--help");

    assertEquals(0, result.exitCode());
    String text = result.out().replaceAll("\\s+", " ");
    assertTrue(text.contains("--top N asks KSYun GetLiveTopOnlineUserData"), text);
    assertTrue(text.contains("--domain-ids all first lists the live domains with GetCdnDomains"), text);
    assertTrue(text.contains("then queries them with GetLiveOnlineUserDataByStream"), text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--top 0|--top '0': expected a whole number of streams from 1",
      "--top x|--top 'x': expected a whole number of streams from 1",
      "--top 201|--top '201': at most 200 streams in one GetLiveTopOnlineUserData call (LimitN 1-200); for more, add "
          + "--domain-ids all",
      "--top 401 --domain-ids D1,D2|--top '401': at most 200 streams per domain, 400 for the 2 domain(s)",
      "--top 5 --domain-ids D1,,D2|--domain-ids 'D1,,D2': a domain id is empty",
      "--domain-ids all -s rtmp://a/b/c|--domain-ids 'all' only chooses where --top looks; give --top N as well",
      "--top 5 --discover-every 10s|--discover-every '10s': from 1m to 1d (default 10m)"
  })
  void badDiscoveryOptionsAreRefusedBeforeAnythingIsSent(String options, String message) {
    CliRun.Result result = cli.run(args(options.split(" ")));

    assertEquals(2, result.exitCode(), result.err());
    assertEquals("", result.out());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().startsWith("cloudmetrics: " + message), result.err());
    assertEquals(0, emulator.requestCount());
  }
}
