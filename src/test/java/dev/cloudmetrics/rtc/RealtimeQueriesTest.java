package dev.cloudmetrics.rtc;

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

class RealtimeQueriesTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** Options as the CLI passes them; each test changes what it is about. */
  record Options(List<String> appIds, List<String> indicators, String start, String end, String last, String region,
      String endpoint, boolean includeIncomplete) {
    static Options of() {
      return new Options(List.of("app1"), List.of(), null, null, null, "cn-north-1", null, false);
    }

    Options withAppIds(String... ids) {
      return new Options(List.of(ids), indicators, start, end, last, region, endpoint, includeIncomplete);
    }

    Options withIndicators(String... names) {
      return new Options(appIds, List.of(names), start, end, last, region, endpoint, includeIncomplete);
    }

    Options withWindow(String newStart, String newEnd, String newLast) {
      return new Options(appIds, indicators, newStart, newEnd, newLast, region, endpoint, includeIncomplete);
    }

    Options withRegion(String newRegion) {
      return new Options(appIds, indicators, start, end, last, newRegion, endpoint, includeIncomplete);
    }

    Options withEndpoint(String newEndpoint) {
      return new Options(appIds, indicators, start, end, last, region, newEndpoint, includeIncomplete);
    }

    Options includingIncomplete() {
      return new Options(appIds, indicators, start, end, last, region, endpoint, true);
    }

    RealtimeArgs args() {
      return new RealtimeArgs(appIds, indicators, Optional.ofNullable(start), Optional.ofNullable(end),
          Optional.ofNullable(last), region, Optional.ofNullable(endpoint), SHANGHAI, includeIncomplete, false,
          "30s", "2");
    }

    Validated<RealtimeQuery> validate(Instant now) {
      return RealtimeQueries.from(args(), now);
    }

    Validated<RealtimeQuery> validate() {
      return validate(NOW);
    }

    InvalidInputException refused() {
      return assertThrows(InvalidInputException.class, this::validate);
    }
  }

  static Options quiet() {
    return Options.of().withWindow("2024-05-20T11:50", "2024-05-20T11:51", null);
  }

  static TimeWindow beijing(String start, String end) {
    return new TimeWindow(Instant.parse(start + "+08:00"), Instant.parse(end + "+08:00"));
  }

  @Test
  void aWindowWellInsideTheLastHourPassesUnchangedAndSilently() {
    Validated<RealtimeQuery> query = quiet().validate();

    assertEquals(beijing("2024-05-20T11:50:00", "2024-05-20T11:51:00"), query.value().window());
    assertEquals(List.of(), query.notices());
  }

  @Test
  void appIdsAreSplitTrimmedAndDeduplicatedInOrder() {
    assertEquals(List.of("b", "a", "c"), quiet().withAppIds("b, a", "a", " c ,b").validate().value().appIds());
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "", "a,,b", "a, "})
  void aBlankAppIdIsMissing(String ids) {
    InvalidInputException e = quiet().withAppIds(ids).refused();
    assertEquals(Optional.of("MissingParameter"), e.apiCode());
    assertTrue(e.getMessage().contains("--app-id"), e.getMessage());
  }

  @Test
  void noAppIdAtAllIsMissing() {
    InvalidInputException e = quiet().withAppIds().refused();
    assertEquals(Optional.of("MissingParameter"), e.apiCode());
    assertTrue(e.getMessage().contains("--app-id"), e.getMessage());
  }

  @Test
  void indicatorsDefaultToUsersAndRoomsOnline() {
    assertEquals(List.of("online_user_count", "online_room_count"), quiet().validate().value().indicators());
  }

  @Test
  void indicatorsAreSplitTrimmedAndDeduplicated() {
    assertEquals(List.of("online_room_count", "online_user_count"),
        quiet().withIndicators("online_room_count, online_user_count", "online_room_count").validate().value().indicators());
  }

  @Test
  void aBlankIndicatorIsRefusedNamingTheFlag() {
    InvalidInputException e = quiet().withIndicators("").refused();
    assertEquals(Optional.of("MissingParameter"), e.apiCode());
    assertTrue(e.getMessage().contains("--indicator"), e.getMessage());
  }

  @Test
  void anUnknownIndicatorIsSentAsGivenWithANotice() {
    Validated<RealtimeQuery> query = quiet().withIndicators("online_user_count,peak_users").validate();

    assertEquals(List.of("online_user_count", "peak_users"), query.value().indicators());
    assertEquals(1, query.notices().size());
    assertTrue(query.notices().get(0).contains("'peak_users'") && query.notices().get(0).contains("sent as given"),
        query.notices().get(0));
  }

  @Test
  void theDefaultWindowIsTheLastFifteenMinutesWithoutANoticeOnEveryRun() {
    Validated<RealtimeQuery> query = Options.of().validate();

    assertEquals(beijing("2024-05-20T11:45:00", "2024-05-20T12:00:00"), query.value().window());
    assertEquals(List.of(), query.notices());
  }

  @ParameterizedTest(name = "--last {0}")
  @ValueSource(strings = {"15m", "60m", "2m"})
  void aWindowEndingNowLeavesOutTheIncompleteBucketsQuietlyAsItsMeaning(String last) {
    Validated<RealtimeQuery> query = Options.of().withWindow(null, null, last).validate();

    // At 12:00:00 the bucket 11:59:30 ended 0 s ago and 12:00:00 has not ended: both still grow.
    assertEquals(Optional.of(Instant.parse("2024-05-20T11:59:30+08:00")), query.value().completeBefore());
    assertTrue(query.notices().stream().noneMatch(n -> n.contains("incomplete")), query.notices().toString());
  }

  @Test
  void aWindowWithNothingCompleteYetSaysWhyItIsEmpty() {
    Validated<RealtimeQuery> query = Options.of().withWindow(null, null, "30s").validate();

    assertEquals(1, query.notices().size(), query.notices().toString());
    assertTrue(query.notices().get(0).contains("incomplete") && query.notices().get(0).contains("--include-incomplete"),
        query.notices().get(0));
  }

  @Test
  void includeIncompleteKeepsEveryBucketWithoutANotice() {
    Validated<RealtimeQuery> query = Options.of().withWindow("2024-05-20T11:50", "now", null).includingIncomplete()
        .validate();

    assertEquals(Optional.empty(), query.value().completeBefore());
    assertEquals(List.of(), query.notices());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2024-05-20T12:00:20, 2024-05-20T11:59:30",
    "2024-05-20T12:00:21, 2024-05-20T12:00:00",
    "2024-05-20T12:00:50, 2024-05-20T12:00:00",
    "2024-05-20T12:00:51, 2024-05-20T12:00:30",
  })
  void aBucketIsCompleteOnceItsEndIsMoreThanTwentySecondsAgo(String now, String firstIncomplete) {
    Instant at = Instant.parse(now + "+08:00");

    assertEquals(Optional.of(Instant.parse(firstIncomplete + "+08:00")),
        Options.of().withWindow(null, null, "5m").validate(at).value().completeBefore());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "half past ten, , , --start",
    ", 2024-13-45T99:00, , --end",
    ", , ten minutes, --last",
    ", , 90, --last",
  })
  void aMalformedTimeIsAnInvalidParameterNamingTheFlagTheValueAndTheForms(String start, String end, String last,
      String flag) {
    InvalidInputException e = Options.of().withWindow(start, end, last).refused();
    String value = start != null ? start : end != null ? end : last;

    assertEquals(Optional.of("InvalidParameter"), e.apiCode());
    assertTrue(e.getMessage().startsWith(flag + " '" + value + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(flag.equals("--last") ? "1h30m" : "now-2h"), e.getMessage());
  }

  @Test
  void lastTogetherWithStartNamesBoth() {
    InvalidInputException e = Options.of().withWindow("2024-05-20T11:40", null, "5m").refused();
    assertTrue(e.getMessage().contains("--start") && e.getMessage().contains("--last"), e.getMessage());
  }

  @Test
  void lastWithEndIsTheDurationBeforeTheEnd() {
    assertEquals(beijing("2024-05-20T11:40:00", "2024-05-20T11:50:00"),
        Options.of().withWindow(null, "2024-05-20T11:50", "10m").validate().value().window());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-05-20T11:30:00", "2024-05-20T11:40:00"})
  void anEndNotAfterTheStartIsRefusedNamingEnd(String end) {
    InvalidInputException e = Options.of().withWindow("2024-05-20T11:40:00", end, null).refused();
    assertEquals(Optional.of("InvalidParameter"), e.apiCode());
    assertTrue(e.getMessage().contains("--end"), e.getMessage());
  }

  @Test
  void aStartAfterNowIsRefused() {
    InvalidInputException e = Options.of().withWindow("now+1m", "now+5m", null).refused();
    assertEquals(Optional.of("InvalidParameter"), e.apiCode());
    assertTrue(e.getMessage().contains("--start 'now+1m'"), e.getMessage());
  }

  @Test
  void anEndAfterNowIsMovedToNowWithANotice() {
    Validated<RealtimeQuery> query = Options.of().withWindow("2024-05-20T11:50", "2024-05-20T12:10", null).validate();

    assertEquals(beijing("2024-05-20T11:50:00", "2024-05-20T12:00:00"), query.value().window());
    assertTrue(query.notices().stream().anyMatch(n -> n.contains("--end '2024-05-20T12:10'") && n.contains("now")),
        query.notices().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2024-05-20T10:30:00, 2024-05-20T10:40:00, , --start '2024-05-20T10:30:00'",
    "2024-05-20T10:59:59, 2024-05-20T11:10:00, , --start '2024-05-20T10:59:59'",
    ", , 90m, --last '90m'",
    ", , 61m, --last '61m'",
    ", , 60m1s, --last '60m1s'",
    ", 2024-05-20T10:50:00, , the default --last 15m before --end '2024-05-20T10:50:00'",
  })
  void aStartMoreThanSixtyMinutesAgoIsOutOfTheTimeRange(String start, String end, String last, String origin) {
    InvalidInputException e = Options.of().withWindow(start, end, last).refused();

    assertEquals(Optional.of("InvalidParameter.OutofTimeRange"), e.apiCode());
    assertTrue(e.getMessage().contains("60 min"), e.getMessage());
    assertTrue(e.getMessage().contains(origin), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    ", 60m, --last '60m'",
    "2024-05-20T11:00:00, , --start '2024-05-20T11:00:00'",
    "2024-05-20T11:00:14, , --start '2024-05-20T11:00:14'",
    "now-60m, , --start 'now-60m'",
  })
  void aStartAtTheSixtyMinuteEdgeIsMovedInsideWithANotice(String start, String last, String origin) {
    Validated<RealtimeQuery> query = Options.of().withWindow(start, null, last).validate();

    assertEquals(beijing("2024-05-20T11:00:15", "2024-05-20T12:00:00"), query.value().window());
    assertTrue(query.notices().stream().anyMatch(n -> n.contains(origin) && n.contains("2024-05-20T11:00:15+08:00")),
        query.notices().toString());
  }

  @Test
  void aStartJustInsideTheMarginIsKept() {
    Validated<RealtimeQuery> query = Options.of().withWindow("2024-05-20T11:00:15", "2024-05-20T11:30", null).validate();

    assertEquals(beijing("2024-05-20T11:00:15", "2024-05-20T11:30:00"), query.value().window());
    assertEquals(List.of(), query.notices());
  }

  @Test
  void theEdgeIsMeasuredFromTheWholeSecondOfNow() {
    Validated<RealtimeQuery> query = Options.of().withWindow(null, null, "60m").validate(NOW.plusMillis(700));

    assertEquals(beijing("2024-05-20T11:00:15", "2024-05-20T12:00:00"), query.value().window());
  }

  @ParameterizedTest(name = "end {0}")
  @ValueSource(strings = {"2024-05-20T12:00:00", "2024-05-20T11:59:41", "2024-05-20T11:59:40", "2024-05-20T11:59:30"})
  void anEndNamedWithinTwentySecondsSaysTheIncompleteBucketsAreLeftOut(String end) {
    Validated<RealtimeQuery> query = Options.of().withWindow("2024-05-20T11:50", end, null).validate();

    assertEquals(1, query.notices().size(), query.notices().toString());
    assertTrue(query.notices().get(0).contains("from 2024-05-20T11:59:30+08:00 on are left out"), query.notices().get(0));
    assertTrue(query.notices().get(0).contains("20 s"), query.notices().get(0));
  }

  @ParameterizedTest(name = "end {0}")
  @ValueSource(strings = {"2024-05-20T11:59:29", "2024-05-20T11:59:00", "2024-05-20T11:51:00"})
  void aWindowWhoseLastBucketIsCompleteHasNoNotice(String end) {
    assertEquals(List.of(), Options.of().withWindow("2024-05-20T11:50", end, null).validate().notices());
  }

  @Test
  void timesAreSentInWholeSeconds() {
    Validated<RealtimeQuery> query = Options.of().withWindow("2024-05-20T11:50:00.7", "2024-05-20T11:51:00.999", null)
        .validate();

    assertEquals(beijing("2024-05-20T11:50:00", "2024-05-20T11:51:00"), query.value().window());
  }

  @ParameterizedTest
  @CsvSource({"cn-north-1, CN_NORTH_1", "ap-singapore-1, AP_SINGAPORE_1", "' AP-Singapore-1 ', AP_SINGAPORE_1"})
  void theRegionPicksTheHost(String text, RtcRegion region) {
    RealtimeQuery query = quiet().withRegion(text).validate().value();

    assertEquals(region, query.region());
    assertEquals(region.defaultEndpoint(), query.endpoint());
  }

  @Test
  void anUnknownRegionIsRefusedWithTheChoices() {
    InvalidInputException e = quiet().withRegion("mars-1").refused();

    assertTrue(e.getMessage().contains("--region 'mars-1'"), e.getMessage());
    assertTrue(e.getMessage().contains("cn-north-1") && e.getMessage().contains("ap-singapore-1"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "https://rtc.example.com/", "HTTP://localhost:1/base"})
  void anEndpointReplacesTheRegionsHost(String url) {
    RealtimeQuery query = quiet().withRegion("ap-singapore-1").withEndpoint(url).validate().value();

    assertEquals(URI.create(url), query.endpoint());
    assertEquals(RtcRegion.AP_SINGAPORE_1, query.region());
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:8080", "ftp://example.com", "http://", "not a url", "/relative", "", "http:///x"})
  void anEndpointThatIsNotABaseUrlIsRefused(String url) {
    InvalidInputException e = quiet().withEndpoint(url).refused();
    assertTrue(e.getMessage().startsWith("--endpoint '" + url + "'"), e.getMessage());
  }

  @Test
  void everyAcceptedWindowIsWithinTheApisLimitsInWholeSeconds() {
    Random random = new Random(60);
    int accepted = 0;
    for (int i = 0; i < 3000; i++) {
      Instant now = NOW.plusMillis(random.nextInt(86_400_000));
      Instant start = now.minusMillis(random.nextInt(80 * 60_000) - 5 * 60_000);
      Instant end = now.minusMillis(random.nextInt(80 * 60_000) - 10 * 60_000);
      Options options = Options.of().withWindow(start.toString(), end.toString(), null);
      try {
        TimeWindow window = options.validate(now).value().window();
        Instant edge = now.minus(Duration.ofMinutes(60));
        assertTrue(window.start().isBefore(window.end()), window.toString());
        assertTrue(window.start().isAfter(edge.plusSeconds(14)), window + " now " + now);
        assertFalse(window.end().isAfter(now), window + " now " + now);
        assertTrue(window.span().compareTo(Duration.ofMinutes(60)) < 0, window.toString());
        assertEquals(0, window.start().getNano() + window.end().getNano(), window.toString());
        accepted++;
      } catch (InvalidInputException refused) {
        assertTrue(refused.apiCode().orElseThrow().startsWith("InvalidParameter"), refused.getMessage());
      }
    }
    assertTrue(accepted > 100, "accepted " + accepted);
  }
}
