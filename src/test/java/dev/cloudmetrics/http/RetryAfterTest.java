package dev.cloudmetrics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  private static ApiResponse answer(String retryAfter) {
    return new ApiResponse(429, Map.of("retry-after", List.of(retryAfter)), new byte[0]);
  }

  @ParameterizedTest
  @CsvSource({"0,0", "1,1", "' 7 ',7", "60,60", "61,60", "86400,60"})
  void secondsAreTakenUpToAMinute(String header, long seconds) {
    assertEquals(Optional.of(Duration.ofSeconds(seconds)), RetryAfter.of(answer(header)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "soon", "1.5", "Wed, 21 Oct 2015 07:28:00 GMT", ""})
  void anythingElseLeavesTheWaitToTheBackOff(String header) {
    assertEquals(Optional.empty(), RetryAfter.of(answer(header)));
  }

  @Test
  void noHeaderNoWait() {
    assertEquals(Optional.empty(), RetryAfter.of(new ApiResponse(503, Map.of(), new byte[0])));
  }
}
