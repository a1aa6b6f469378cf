package dev.cloudmetrics.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1}s")
  @CsvSource({
    "30s, 30", "15m, 900", "2h, 7200", "7d, 604800", "1h30m, 5400", "90m, 5400",
    "1d2h3m4s, 93784", "' 15m ', 900", "0h5m, 300"
  })
  void readsEveryFormOfTheCliContract(String text, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), Durations.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "90", "ten minutes", "15", "1.5h", "15M", "-5m", "5m30", "m", "1y", "30m1h",
      "1h1h", "0m", "0s0m", "99999999999999999999d", "106751991167301d"})
  void refusesWhatIsNotAPositiveDurationWithUnits(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertTrue(!e.getMessage().isBlank());
  }

  @Test
  void aBareNumberIsRefusedWithTheFixSpelledOut() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("90"));
    assertTrue(e.getMessage().contains("90m"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"900, 15m", "5400, 1h30m", "604800, 7d", "93784, 1d2h3m4s", "0, 0s", "59, 59s"})
  void formatsShortest(long seconds, String expected) {
    assertEquals(expected, Durations.format(Duration.ofSeconds(seconds)));
  }

  @Test
  void formatThenParseGivesTheSameDurationForAnyPositiveWholeSeconds() {
    Random random = new Random(20240520);
    for (int i = 0; i < 2000; i++) {
      Duration duration = Duration.ofSeconds(1 + (long) (random.nextDouble() * 100 * 86_400));
      assertEquals(duration, Durations.parse(Durations.format(duration)), duration.toString());
    }
  }
}
