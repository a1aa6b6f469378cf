package dev.cloudmetrics.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudmetrics.failure.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --discover-every}: a duration from a minute to a day. */
class DiscoveryIntervalTest {
  @ParameterizedTest
  @CsvSource({"1m, 60", "10m, 600", "1h30m, 5400", "1d, 86400"})
  void readsDurationsInRange(String text, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), DiscoveryInterval.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"59s", "1d1s", "10", "often", ""})
  void refusesOthersNamingTheFlag(String text) {
    InvalidInputException refused = assertThrows(InvalidInputException.class, () -> DiscoveryInterval.parse(text));
    assertEquals(true, refused.getMessage().startsWith("--discover-every '" + text + "': "), refused.getMessage());
  }
}
