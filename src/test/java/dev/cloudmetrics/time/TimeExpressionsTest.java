package dev.cloudmetrics.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeExpressionsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2024-05-20T10:00, 2024-05-20T02:00:00Z",
    "2024-05-20T10:00:00, 2024-05-20T02:00:00Z",
    "2024-05-20T10:00:30.5, 2024-05-20T02:00:30.5Z",
    "2024-05-20 10:00:00, 2024-05-20T02:00:00Z",
    "2024-05-20 10:00, 2024-05-20T02:00:00Z",
    "2024-05-20T10:00+08:00, 2024-05-20T02:00:00Z",
    "2024-05-20T10:00+0800, 2024-05-20T02:00:00Z",
    "2024-05-20T10:00+08, 2024-05-20T02:00:00Z",
    "2024-05-20T10:00:00+08:00, 2024-05-20T02:00:00Z",
    "2024-05-20T10:00:00-0530, 2024-05-20T15:30:00Z",
    "2024-05-20T10:00Z, 2024-05-20T10:00:00Z",
    "2024-05-20T10:00:00z, 2024-05-20T10:00:00Z",
    "2024-05-20 10:00:00+08:00, 2024-05-20T02:00:00Z",
    "2024-05-20, 2024-05-19T16:00:00Z",
    "10:30, 2024-05-20T02:30:00Z",
    "10:30:15, 2024-05-20T02:30:15Z",
    "now, 2024-05-20T04:00:00Z",
    "NOW, 2024-05-20T04:00:00Z",
    "now-2h, 2024-05-20T02:00:00Z",
    "now - 2h, 2024-05-20T02:00:00Z",
    "now+5m, 2024-05-20T04:05:00Z",
    "now-1h30m, 2024-05-20T02:30:00Z",
    "-30m, 2024-05-20T03:30:00Z",
    "1716177600, 2024-05-20T04:00:00Z",
    "999999999, 2001-09-09T01:46:39Z",
    "' 2024-05-20T10:00 ', 2024-05-20T02:00:00Z"
  })
  void readsEveryFormOfTheCliContract(String text, String expected) {
    assertEquals(Instant.parse(expected), TimeExpressions.parse(text, SHANGHAI, NOW));
  }

  @Test
  void aTimeWithoutOffsetIsInTheGivenZoneAndOneWithAnOffsetIsNot() {
    assertEquals(Instant.parse("2024-05-20T10:00:00Z"), TimeExpressions.parse("2024-05-20T10:00", ZoneOffset.UTC, NOW));
    assertEquals(Instant.parse("2024-05-20T14:00:00Z"),
        TimeExpressions.parse("2024-05-20T10:00", ZoneId.of("America/New_York"), NOW));
    assertEquals(Instant.parse("2024-05-20T02:00:00Z"),
        TimeExpressions.parse("2024-05-20T10:00+08:00", ZoneId.of("America/New_York"), NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "half past ten", "yesterday-ish", "2024-13-45T99:00", "2024-02-30T10:00",
      "2024-05-20T25:00", "2024-05-20T10", "20240520T1000", "2024/05/20 10:00", "12345678", "1716177600000",
      "now-", "now-2", "now*2h", "-30", "tomorrow", "2024-05-20T10:00+08:00 extra", "now-999999999999d"})
  void refusesAnythingElse(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TimeExpressions.parse(text, SHANGHAI, NOW));
    assertFalse(e.getMessage().isBlank());
  }

  @Test
  void anImpossibleDateSaysWhichFieldIsWrong() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TimeExpressions.parse("2024-13-45T99:00", SHANGHAI, NOW));
    assertTrue(e.getMessage().contains("MonthOfYear"), e.getMessage());
  }

  @Test
  void millisecondsAreRefusedWithAReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TimeExpressions.parse("1716177600000", SHANGHAI, NOW));
    assertTrue(e.getMessage().contains("milliseconds"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"now, true", "now-2h, true", "-30m, true", "Now+5m, true", "2024-05-20T10:00, false", "1716177600, false"})
  void knowsWhichTimesMoveWithNow(String text, boolean relative) {
    assertEquals(relative, TimeExpressions.isRelative(text));
  }

  @Test
  void formatPrintsSecondsAndTheZonesOffset() {
    assertEquals("2024-05-20T12:00:00+08:00", TimeExpressions.format(NOW, SHANGHAI));
    assertEquals("2024-05-20T04:00:00+00:00", TimeExpressions.format(NOW, ZoneOffset.UTC));
  }

  @Test
  void whatFormatPrintsParsesBackToTheSameSecondInAnyZone() {
    Random random = new Random(7);
    String[] zones = {"Asia/Shanghai", "UTC", "America/New_York", "Asia/Kathmandu", "Europe/Berlin"};
    for (int i = 0; i < 2000; i++) {
      Instant instant = Instant.ofEpochSecond(1_600_000_000L + (long) (random.nextDouble() * 200_000_000L));
      String text = TimeExpressions.format(instant, ZoneId.of(zones[random.nextInt(zones.length)]));
      assertEquals(instant, TimeExpressions.parse(text, ZoneOffset.UTC, NOW), text);
    }
  }

  @Test
  void aLocalTimeWithoutOffsetMeansThatWallClockInTheZone() {
    Random random = new Random(11);
    String[] zones = {"Asia/Shanghai", "UTC", "Asia/Kathmandu"}; // no daylight saving: every wall-clock time exists once
    for (int i = 0; i < 2000; i++) {
      Instant instant = Instant.ofEpochSecond(1_600_000_000L + (long) (random.nextDouble() * 200_000_000L));
      ZoneId zone = ZoneId.of(zones[random.nextInt(zones.length)]);
      String local = TimeExpressions.format(instant, zone).substring(0, 19);
      assertEquals(instant, TimeExpressions.parse(local, zone, NOW), local);
      assertEquals(instant, TimeExpressions.parse(local.replace('T', ' '), zone, NOW), local);
    }
  }
}
