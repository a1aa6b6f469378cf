package dev.cloudmetrics.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Duration DEFAULT = Duration.ofMinutes(15);

  static Windows.Resolved resolve(String start, String end, String last) {
    return Windows.resolve(new Windows.Flags(Optional.ofNullable(start), Optional.ofNullable(end), Optional.ofNullable(last)),
        DEFAULT, SHANGHAI, NOW, problem -> Optional.of("Code." + problem));
  }

  static TimeWindow window(String start, String end) {
    return new TimeWindow(Instant.parse(start), Instant.parse(end));
  }

  @Test
  void nothingGivenIsTheDefaultDurationBeforeNow() {
    Windows.Resolved resolved = resolve(null, null, null);
    assertEquals(window("2024-05-20T03:45:00Z", "2024-05-20T04:00:00Z"), resolved.window());
    assertFalse(resolved.start().typed());
    assertFalse(resolved.end().typed());
    assertTrue(resolved.start().origin().contains("--last 15m"), resolved.start().origin());
  }

  @Test
  void lastIsTheDurationBeforeNow() {
    assertEquals(window("2024-05-20T02:30:00Z", "2024-05-20T04:00:00Z"), resolve(null, null, "1h30m").window());
  }

  @Test
  void lastWithEndIsTheDurationBeforeEnd() {
    Windows.Resolved resolved = resolve(null, "2024-05-20T10:00", "2h");
    assertEquals(window("2024-05-20T00:00:00Z", "2024-05-20T02:00:00Z"), resolved.window());
    assertTrue(resolved.end().typed());
    assertFalse(resolved.start().typed());
  }

  @Test
  void startAloneEndsNow() {
    Windows.Resolved resolved = resolve("2024-05-20T11:00", null, null);
    assertEquals(window("2024-05-20T03:00:00Z", "2024-05-20T04:00:00Z"), resolved.window());
    assertTrue(resolved.start().typed());
  }

  @Test
  void endAloneTakesTheDefaultDurationBeforeIt() {
    assertEquals(window("2024-05-20T01:45:00Z", "2024-05-20T02:00:00Z"), resolve(null, "2024-05-20T10:00", null).window());
  }

  @Test
  void relativeTimesAreNotTyped() {
    Windows.Resolved resolved = resolve("now-2h", "-30m", null);
    assertEquals(window("2024-05-20T02:00:00Z", "2024-05-20T03:30:00Z"), resolved.window());
    assertFalse(resolved.start().typed());
    assertFalse(resolved.end().typed());
  }

  @Test
  void lastWithStartNamesBothFlags() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolve("2024-05-20T11:00", null, "15m"));
    assertTrue(e.getMessage().contains("--last") && e.getMessage().contains("--start"), e.getMessage());
    assertEquals(Optional.empty(), e.apiCode());
  }

  @Test
  void aMalformedStartNamesTheFlagTheValueAndTheForms() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolve("half past ten", null, null));
    assertEquals(Optional.of("Code.MALFORMED_START"), e.apiCode());
    assertTrue(e.getMessage().startsWith("--start 'half past ten': "), e.getMessage());
    assertTrue(e.getMessage().contains("now-2h"), e.getMessage());
  }

  @Test
  void aMalformedEndNamesTheFlag() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolve(null, "2024-13-45T99:00", null));
    assertEquals(Optional.of("Code.MALFORMED_END"), e.apiCode());
    assertTrue(e.getMessage().startsWith("--end '2024-13-45T99:00': "), e.getMessage());
  }

  @Test
  void aMalformedLastNamesTheFlagAndTheForms() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolve(null, null, "ten minutes"));
    assertEquals(Optional.of("Code.MALFORMED_LAST"), e.apiCode());
    assertTrue(e.getMessage().startsWith("--last 'ten minutes': "), e.getMessage());
    assertTrue(e.getMessage().contains("1h30m"), e.getMessage());
  }

  @Test
  void aLastTooLongForTheCalendarIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolve(null, null, "999999999999d"));
    assertTrue(e.getMessage().startsWith("--last '999999999999d'"), e.getMessage());
  }

  @Test
  void anEndNotAfterTheStartNamesEnd() {
    for (String end : new String[] {"2024-05-20T11:30", "2024-05-20T11:40"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolve("2024-05-20T11:40", end, null));
      assertEquals(Optional.of("Code.END_NOT_AFTER_START"), e.apiCode());
      assertTrue(e.getMessage().startsWith("--end '" + end + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("2024-05-20T11:40:00+08:00"), e.getMessage());
    }
  }

  @Test
  void aStartAfterNowWithoutEndSaysTheEndIsNow() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> resolve("now+5m", null, null));
    assertTrue(e.getMessage().contains("--end (default: now)"), e.getMessage());
  }

  @Test
  void anApiWithoutCodesGetsPlainErrors() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Windows.resolve(
        new Windows.Flags(Optional.of("x"), Optional.empty(), Optional.empty()), DEFAULT, SHANGHAI, NOW,
        problem -> Optional.empty()));
    assertEquals(Optional.empty(), e.apiCode());
  }
}
