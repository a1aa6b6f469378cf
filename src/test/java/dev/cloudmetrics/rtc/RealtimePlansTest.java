package dev.cloudmetrics.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.Validated;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RealtimePlansTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z");

  static RealtimeArgs args(String end, boolean includeIncomplete, boolean watch, String interval, String rate) {
    return new RealtimeArgs(List.of("app1"), List.of(), Optional.empty(), Optional.ofNullable(end), Optional.empty(),
        "cn-north-1", Optional.empty(), ZoneId.of("Asia/Shanghai"), includeIncomplete, watch,
        interval == null ? "30s" : interval, rate);
  }

  static Validated<RealtimePlan> plan(RealtimeArgs args) {
    return RealtimePlans.from(args, NOW);
  }

  static InvalidInputException refused(RealtimeArgs args) {
    return assertThrows(InvalidInputException.class, () -> plan(args));
  }

  @Test
  void withoutWatchARunIsOneQueryAtTheDocumentedRateAndQuiet() {
    Validated<RealtimePlan> plan = plan(args(null, false, false, null, "2"));

    assertEquals(Optional.empty(), plan.value().watchInterval());
    assertEquals(2, plan.value().requestsPerSecond());
    assertEquals(List.of(), plan.notices());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({", 30", "30s, 30", "1m, 60", "90s, 90", "30m, 1800"})
  void watchPollsEveryIntervalFromThirtySecondsToThirtyMinutes(String interval, long seconds) {
    assertEquals(Optional.of(Duration.ofSeconds(seconds)), plan(args(null, false, true, interval, "2")).value().watchInterval());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "29s, at least 30s",
    "1s, at least 30s",
    "31m, at most 30m",
    "2h, at most 30m",
    "soon, 1h30m",
    "30, a unit is required",
  })
  void anIntervalOutsideTheRangeIsRefusedNamingFlagValueAndRule(String interval, String rule) {
    InvalidInputException e = refused(args(null, false, true, interval, "2"));

    assertTrue(e.getMessage().startsWith("--interval '" + interval + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(rule), e.getMessage());
  }

  @Test
  void anIntervalWithoutWatchDoesNothingSoThatAProfileMayHoldOne() {
    Validated<RealtimePlan> plan = plan(args(null, false, false, "10s", "2"));

    assertEquals(Optional.empty(), plan.value().watchInterval());
    assertEquals(List.of(), plan.notices());
  }

  @Test
  void watchFollowsNowSoAnEndIsRefused() {
    InvalidInputException e = refused(args("2024-05-20T11:50", false, true, null, "2"));
    assertTrue(e.getMessage().contains("--end '2024-05-20T11:50'") && e.getMessage().contains("--watch"), e.getMessage());
  }

  @Test
  void watchNeverPrintsAnIncompleteBucketSoIncludeIncompleteIsSaidToDoNothing() {
    Validated<RealtimePlan> plan = plan(args(null, true, true, null, "2"));

    assertEquals(Optional.of(Duration.ofSeconds(30)), plan.value().watchInterval());
    assertEquals(List.of("--include-incomplete does nothing with --watch, which prints each bucket once, when it is "
        + "complete"), plan.notices());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "NaN", "Infinity", "two", ""})
  void aRateThatIsNotAPositiveNumberIsRefusedNamingFlagValueAndRule(String rate) {
    InvalidInputException e = refused(args(null, false, false, null, rate));
    assertTrue(e.getMessage().startsWith("--rate '" + rate + "': expected requests per second from 0.1 to 1000"),
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"0.5, 0.5", "1, 1", "2, 2", "' 2.0 ', 2"})
  void aRateUpToTheDocumentedCeilingIsTakenQuietly(String rate, double perSecond) {
    Validated<RealtimePlan> plan = plan(args(null, false, false, null, rate));
    assertEquals(perSecond, plan.value().requestsPerSecond());
    assertEquals(List.of(), plan.notices());
  }

  @Test
  void aRateAboveTheDocumentedCeilingIsTakenWithOneLineSayingSo() {
    Validated<RealtimePlan> plan = plan(args(null, false, false, null, "5"));

    assertEquals(5, plan.value().requestsPerSecond());
    assertEquals(1, plan.notices().size(), plan.notices().toString());
    assertTrue(plan.notices().get(0).startsWith("--rate 5 is above the 2 requests per second"), plan.notices().get(0));
  }
}
