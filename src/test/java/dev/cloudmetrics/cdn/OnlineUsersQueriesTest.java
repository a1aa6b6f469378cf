package dev.cloudmetrics.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.Validated;
import dev.cloudmetrics.time.TimeWindow;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OnlineUsersQueriesTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String STREAM = "rtmp://demo.example/live/a";
  static final String STREAM_B = "rtmp://demo.example/live/b";

  /** Options as the CLI passes them; each test changes what it is about. */
  record Options(List<String> streams, List<String> fromFile, List<String> regions, String granularity,
      boolean perStream, String resultType, String start, String end, String last, String signingRegion,
      String endpoint) {
    static Options of() {
      return new Options(List.of(STREAM), List.of(), List.of(), null, false, null, null, null, null, "cn-shanghai-1",
          null);
    }

    Options withStreams(List<String> newStreams, List<String> newFromFile) {
      return new Options(newStreams, newFromFile, regions, granularity, perStream, resultType, start, end, last,
          signingRegion, endpoint);
    }

    Options withRegions(String... newRegions) {
      return new Options(streams, fromFile, List.of(newRegions), granularity, perStream, resultType, start, end, last,
          signingRegion, endpoint);
    }

    Options withGranularity(String newGranularity) {
      return new Options(streams, fromFile, regions, newGranularity, perStream, resultType, start, end, last,
          signingRegion, endpoint);
    }

    Options withResultType(boolean newPerStream, String newResultType) {
      return new Options(streams, fromFile, regions, granularity, newPerStream, newResultType, start, end, last,
          signingRegion, endpoint);
    }

    Options withWindow(String newStart, String newEnd, String newLast) {
      return new Options(streams, fromFile, regions, granularity, perStream, resultType, newStart, newEnd, newLast,
          signingRegion, endpoint);
    }

    Options withTarget(String newSigningRegion, String newEndpoint) {
      return new Options(streams, fromFile, regions, granularity, perStream, resultType, start, end, last,
          newSigningRegion, newEndpoint);
    }

    /** The window rules alone: incomplete buckets kept, as --include-incomplete does. */
    Validated<OnlineUsersQuery> validate(Instant now) {
      return validate(now, true);
    }

    Validated<OnlineUsersQuery> validate(Instant now, boolean includeIncomplete) {
      return OnlineUsersQueries.from(new OnlineUsersArgs(streams, fromFile, regions, Optional.ofNullable(granularity),
          perStream, Optional.ofNullable(resultType), Optional.ofNullable(start), Optional.ofNullable(end),
          Optional.ofNullable(last), signingRegion, Optional.ofNullable(endpoint), SHANGHAI, includeIncomplete), now);
    }

    Validated<OnlineUsersQuery> validate() {
      return validate(NOW);
    }

    InvalidInputException refused() {
      return assertThrows(InvalidInputException.class, this::validate);
    }
  }

  static TimeWindow beijing(String start, String end) {
    return new TimeWindow(Instant.parse(start + ":00+08:00"), Instant.parse(end + ":00+08:00"));
  }

  static void assertRefused(InvalidInputException e, String code, String... details) {
    assertEquals(Optional.of(code), e.apiCode(), e.getMessage());
    for (String detail : details) {
      assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
  }

  @Test
  void defaultsAreTheLastHourInFiveMinuteBucketsMergedInMainlandChina() {
    Validated<OnlineUsersQuery> validated = Options.of().validate();
    OnlineUsersQuery query = validated.value();

    assertEquals(beijing("2024-05-20T11:00", "2024-05-20T12:00"), query.window());
    assertEquals(Granularity.M5, query.granularity());
    assertEquals(List.of(BillingRegion.CN), query.regions());
    assertFalse(query.perStream());
    assertEquals(List.of(STREAM), query.streamUrls());
    assertEquals(URI.create("https://cdn.api.ksyun.com"), query.endpoint());
    assertEquals("cn-shanghai-1", query.signingRegion());
    assertEquals(List.of(), validated.notices());
  }

  @Test
  void boundsDerivedFromNowAreFlooredSilentlySoCronRunsPrintNothing() {
    Instant now = NOW.plusSeconds(37).plusMillis(250);
    for (Options options : List.of(Options.of(), Options.of().withWindow("now-2h", null, null),
        Options.of().withWindow(null, "now-10m", "30m"), Options.of().withWindow("-90m", "now", null))) {
      Validated<OnlineUsersQuery> query = options.validate(now);

      assertEquals(List.of(), query.notices(), options.toString());
      assertEquals(0, query.value().window().start().getEpochSecond() % 60 + query.value().window().start().getNano());
      assertEquals(0, query.value().window().end().getEpochSecond() % 60 + query.value().window().end().getNano());
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--start, 2024-05-20T10:00:30, 2024-05-20T10:00:00+08:00",
    "--end, 2024-05-20T10:10:59, 2024-05-20T10:10:00+08:00",
    "--start, 1716170430, 2024-05-20T10:00:00+08:00",
  })
  void aTypedBoundWithSecondsIsFlooredToTheMinuteWithANotice(String flag, String value, String moved) {
    Options options = flag.equals("--start")
        ? Options.of().withWindow(value, "2024-05-20T10:30", null)
        : Options.of().withWindow("2024-05-20T10:00", value, null);
    Validated<OnlineUsersQuery> query = options.validate();

    assertEquals(1, query.notices().size(), query.notices().toString());
    assertTrue(query.notices().get(0).contains(flag + " '" + value + "'"), query.notices().get(0));
    assertTrue(query.notices().get(0).contains(moved), query.notices().get(0));
    TimeWindow window = query.value().window();
    assertEquals(Instant.parse(moved), flag.equals("--start") ? window.start() : window.end());
  }

  @Test
  void aTypedEndAfterNowEndsNowWithANotice() {
    Validated<OnlineUsersQuery> query = Options.of().withWindow("2024-05-20T11:00", "2024-05-20T13:00", null)
        .validate(NOW.plusSeconds(20));

    assertEquals(beijing("2024-05-20T11:00", "2024-05-20T12:00"), query.value().window());
    assertEquals(1, query.notices().size(), query.notices().toString());
    assertTrue(query.notices().get(0).contains("--end '2024-05-20T13:00'"), query.notices().get(0));
  }

  @Test
  void aRelativeEndAfterNowEndsNowSilently() {
    Validated<OnlineUsersQuery> query = Options.of().withWindow("2024-05-20T11:00", "now+10m", null).validate();

    assertEquals(beijing("2024-05-20T11:00", "2024-05-20T12:00"), query.value().window());
    assertEquals(List.of(), query.notices());
  }

  @Test
  void lastWithEndIsTheDurationBeforeTheEnd() {
    assertEquals(beijing("2024-05-20T08:00", "2024-05-20T10:00"),
        Options.of().withWindow(null, "2024-05-20T10:00", "2h").validate().value().window());
  }

  @Test
  void lastTogetherWithStartNamesBoth() {
    InvalidInputException e = Options.of().withWindow("2024-05-20T10:00", null, "1h").refused();
    assertTrue(e.getMessage().contains("--start") && e.getMessage().contains("--last"), e.getMessage());
  }

  @Test
  void aMalformedStartIsTheApisMalformedStartTime() {
    assertRefused(Options.of().withWindow("yesterday-ish", null, null).refused(), "InvalidStartTime.Malformed",
        "--start 'yesterday-ish'", "now-2h");
  }

  @Test
  void aMalformedEndIsTheApisMalformedEndTime() {
    assertRefused(Options.of().withWindow(null, "2024-13-45T99:00", null).refused(), "InvalidEndTime.Malformed",
        "--end '2024-13-45T99:00'");
  }

  @Test
  void aMalformedLastMakesTheStartMalformed() {
    assertRefused(Options.of().withWindow(null, null, "ten minutes").refused(), "InvalidStartTime.Malformed",
        "--last 'ten minutes'", "1h30m");
  }

  @ParameterizedTest(name = "end {0}")
  @ValueSource(strings = {"2024-05-20T10:00", "2024-05-20T11:00", "2024-05-20T11:00:59"})
  void anEndNotAfterTheStartInWholeMinutesIsAMismatchNamingEnd(String end) {
    assertRefused(Options.of().withWindow("2024-05-20T11:00:10", end, null).refused(), "InvalidEndTime.Mismatch",
        "--end '" + end + "'");
  }

  @Test
  void aStartAfterNowIsAMismatch() {
    assertRefused(Options.of().withWindow("now+5m", null, null).refused(), "InvalidEndTime.Mismatch", "--end");
  }

  @Test
  void aStartOnTheSixtyTwoDayEdgeIsMovedInsideWithANotice() {
    Validated<OnlineUsersQuery> query = Options.of().withWindow("2024-03-19T12:00", "2024-03-19T13:00", null).validate();

    assertEquals(beijing("2024-03-19T12:01", "2024-03-19T13:00"), query.value().window());
    assertEquals(1, query.notices().size(), query.notices().toString());
    assertTrue(query.notices().get(0).contains("62-day edge"), query.notices().get(0));
    assertTrue(query.notices().get(0).contains("2024-03-19T12:01:00+08:00"), query.notices().get(0));
  }

  @Test
  void lastSixtyTwoDaysIsOneQueryStartingJustInsideTheEdge() {
    Validated<OnlineUsersQuery> query = Options.of().withWindow(null, null, "62d").validate(NOW.plusSeconds(45));

    assertEquals(beijing("2024-03-19T12:02", "2024-05-20T12:00"), query.value().window());
  }

  @Test
  void aWindowThatEndsBeforeTheEdgeCanBeLeftIsInvalidTime() {
    assertRefused(Options.of().withWindow("2024-03-19T12:00", "2024-03-19T12:01", null).refused(), "InvalidTime",
        "62 days", "--start '2024-03-19T12:00'");
  }

  @Test
  void aStartOneMinuteMoreThanSixtyTwoDaysAgoIsInvalidTime() {
    assertRefused(Options.of().withWindow("2024-03-19T11:59", "2024-03-19T13:00", null).refused(), "InvalidTime",
        "62 days", "--start '2024-03-19T11:59'");
  }

  @Test
  void theSixtyTwoDayLimitCountsFromTheMinuteOfNowAndTheStartIsMovedInside() {
    Options options = Options.of().withWindow("2024-03-19T12:00", "2024-03-19T13:00", null);
    assertEquals(beijing("2024-03-19T12:02", "2024-03-19T13:00"), options.validate(NOW.plusSeconds(59)).value().window());
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "2024-05-13T12:00, 2024-05-20T12:00, ",
    ", , 7d",
    ", 2024-05-19T00:00, 7d",
  })
  void exactlySevenDaysIsAccepted(String start, String end, String last) {
    Validated<OnlineUsersQuery> query = Options.of().withGranularity("1h").withWindow(start, end, last).validate();
    assertEquals(Duration.ofDays(7), query.value().window().span());
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
    "2024-05-13T11:59, 2024-05-20T12:00, , 2024-05-13T11:59",
    ", , 30d, 2024-04-20T12:00",
    "2024-03-19T12:05, , , 2024-03-19T12:05",
  })
  void windowsLongerThanSevenDaysAreAcceptedForThePlanner(String start, String end, String last, String from) {
    Validated<OnlineUsersQuery> query = Options.of().withGranularity("1d").withWindow(start, end, last).validate();

    assertEquals(beijing(from, end == null ? "2024-05-20T12:00" : end), query.value().window());
    assertEquals(List.of(), query.notices());
  }

  @Test
  void regionsAreSplitUpperCasedAndDeduplicated() {
    assertEquals(List.of(BillingRegion.CN, BillingRegion.HK, BillingRegion.TW),
        Options.of().withRegions("cn, HK", "hk,tw").validate().value().regions());
  }

  @Test
  void everyDocumentedRegionIsAccepted() {
    assertEquals(List.of(BillingRegion.values()),
        Options.of().withRegions("CN,HK,AS,NA,SA,EU,AU,AF,TW").validate().value().regions());
  }

  @ParameterizedTest
  @CsvSource({"'CN,XX', XX", "mars, mars", "'CN,', ''", "'', ''"})
  void anUnknownRegionIsInvalidRegionNamingIt(String regions, String bad) {
    assertRefused(Options.of().withRegions(regions).refused(), "InvalidRegion", "'" + bad + "'", "--regions");
  }

  @ParameterizedTest
  @CsvSource({"false, 0, false", "false, 1, true", "true, 1, true", "true, , true", "false, ' 1 ', true"})
  void resultTypeAndPerStreamBothChooseTheLayout(boolean perStream, String resultType, boolean expected) {
    assertEquals(expected, Options.of().withResultType(perStream, resultType).validate().value().perStream());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "-1", "", "one", "01"})
  void aResultTypeOtherThanZeroOrOneIsInvalidResultType(String resultType) {
    assertRefused(Options.of().withResultType(false, resultType).refused(), "InvalidResultType",
        "--result-type '" + resultType + "'");
  }

  @Test
  void resultTypeZeroContradictsPerStream() {
    InvalidInputException e = Options.of().withResultType(true, "0").refused();
    assertEquals(Optional.empty(), e.apiCode());
    assertTrue(e.getMessage().contains("--result-type") && e.getMessage().contains("--per-stream"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1, M1", "5, M5", "10, M10", "20, M20", "60, H1", "240, H4", "480, H8", "1440, D1",
    "1m, M1", "5m, M5", "10m, M10", "20m, M20", "1h, H1", "4h, H4", "8h, H8", "1d, D1",
    "60m, H1", "24h, D1", "' 1H ', H1",
  })
  void granularityIsMinutesOrADuration(String text, Granularity expected) {
    assertEquals(expected, Options.of().withGranularity(text).validate().value().granularity());
  }

  @ParameterizedTest
  @ValueSource(strings = {"7", "0", "2", "30s", "1h30m", "90s", "2d", "abc", "", "-5", "99999999999999999999"})
  void anyOtherGranularityIsInvalidGranularity(String text) {
    assertRefused(Options.of().withGranularity(text).refused(), "InvalidGranularity", "--granularity '" + text + "'");
  }

  @Test
  void streamsFromFlagsAndFileAreSplitNormalizedAndDeduplicatedInOrder() {
    Options options = Options.of().withStreams(
        List.of(STREAM + "?token=abc", STREAM + ", " + STREAM_B + "/index.m3u8"),
        List.of("rtmp://demo.example/live/c", STREAM_B + "/"));

    assertEquals(List.of(STREAM, STREAM_B, "rtmp://demo.example/live/c"), options.validate().value().streamUrls());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ",", " , "})
  void noStreamIsRequiresInputValueNamingTheFlag(String stream) {
    List<String> streams = stream.isEmpty() ? List.of() : List.of(stream);
    assertRefused(Options.of().withStreams(streams, List.of()).refused(), "RequiresInputValue", "--stream");
  }

  @Test
  void aStreamThatIsNotAnAbsoluteUrlIsRefusedNamingIt() {
    InvalidInputException e = Options.of().withStreams(List.of(STREAM + ",live.example.com/app/x"), List.of()).refused();
    assertTrue(e.getMessage().startsWith("--stream 'live.example.com/app/x'"), e.getMessage());
  }

  @Test
  void aBadEntryOfTheStreamsFileSaysItCameFromTheFile() {
    InvalidInputException e = Options.of().withStreams(List.of(), List.of("app/x")).refused();
    assertTrue(e.getMessage().startsWith("--streams-file entry 'app/x'"), e.getMessage());
  }

  @Test
  void moreThanTenThousandDataPointsAreAcceptedForThePlanner() {
    Options options = Options.of().withStreams(List.of(STREAM + "," + STREAM_B), List.of()).withRegions("CN,HK,AS")
        .withResultType(true, null).withGranularity("1").withWindow(null, null, "7d");

    OnlineUsersQuery query = options.validate().value();

    assertTrue(DataPoints.count(query) > DataPoints.LIMIT, query.toString());
    assertEquals(Duration.ofDays(7), query.window().span());
  }

  @Test
  void anEndpointReplacesTheDefaultHost() {
    assertEquals(URI.create("http://127.0.0.1:8080"),
        Options.of().withTarget("cn-shanghai-1", "http://127.0.0.1:8080").validate().value().endpoint());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cdn.api.ksyun.com", "ftp://cdn.api.ksyun.com", "http://", "not a url"})
  void anEndpointThatIsNotABaseUrlIsRefused(String url) {
    InvalidInputException e = Options.of().withTarget("cn-shanghai-1", url).refused();
    assertTrue(e.getMessage().startsWith("--endpoint '" + url + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void aBlankSigningRegionIsRefused(String region) {
    InvalidInputException e = Options.of().withTarget(region, null).refused();
    assertTrue(e.getMessage().contains("--signing-region"), e.getMessage());
  }

  @Test
  void everyAcceptedQueryKeepsTheApisTimeRules() {
    Random random = new Random(62);
    String[] granularities = {"1", "5", "10", "20", "60", "240", "480", "1440"};
    int accepted = 0;
    for (int i = 0; i < 3000; i++) {
      Instant now = NOW.plusMillis(random.nextInt(86_400_000));
      Instant start = now.minusSeconds(random.nextInt(70 * 86_400));
      Instant end = start.plusSeconds(random.nextInt(9 * 86_400) - 3_600);
      Options options = Options.of().withGranularity(granularities[random.nextInt(granularities.length)])
          .withResultType(random.nextBoolean(), null).withWindow(start.toString(), end.toString(), null);
      try {
        OnlineUsersQuery query = options.validate(now).value();
        TimeWindow window = query.window();
        assertEquals(0, window.start().getEpochSecond() % 60 + window.start().getNano());
        assertEquals(0, window.end().getEpochSecond() % 60 + window.end().getNano());
        assertTrue(window.start().isBefore(window.end()));
        assertFalse(window.end().isAfter(now));
        // Still inside the 62 days when a request sent half a minute later arrives.
        assertFalse(window.start().isBefore(now.minus(Duration.ofDays(62)).plusSeconds(30)));
        accepted++;
      } catch (InvalidInputException refused) {
        assertTrue(refused.apiCode().isPresent(), refused.getMessage());
      }
    }
    assertTrue(accepted > 100, "accepted " + accepted);
  }
}
