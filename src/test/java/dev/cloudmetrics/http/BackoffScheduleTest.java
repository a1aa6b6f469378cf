package dev.cloudmetrics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffScheduleTest {
  private final BackoffSchedule schedule = new BackoffSchedule(Duration.ofMillis(200), Duration.ofSeconds(5));

  @Test
  void withoutJitterTheDelayDoublesUpToTheMaximum() {
    assertEquals(Duration.ofMillis(200), schedule.delay(1, 0));
    assertEquals(Duration.ofMillis(400), schedule.delay(2, 0));
    assertEquals(Duration.ofMillis(3200), schedule.delay(5, 0));
    assertEquals(Duration.ofSeconds(5), schedule.delay(6, 0));
    assertEquals(Duration.ofSeconds(5), schedule.delay(Integer.MAX_VALUE, 0));
  }

  @Test
  void everyDelayStaysBetweenBaseAndMaximum() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      int attempts = 1 + random.nextInt(80);
      Duration delay = schedule.delay(attempts, random.nextDouble());
      assertTrue(delay.compareTo(Duration.ofMillis(200)) >= 0 && delay.compareTo(Duration.ofSeconds(5)) <= 0,
          attempts + " -> " + delay);
    }
  }

  @Test
  void jitterShortensByAtMostAQuarter() {
    assertEquals(Duration.ofMillis(700), schedule.delay(3, 0.5));
    Duration nearlyAll = schedule.delay(3, 0.999_999);
    assertTrue(nearlyAll.compareTo(Duration.ofMillis(600)) >= 0 && nearlyAll.compareTo(Duration.ofMillis(601)) < 0,
        nearlyAll.toString());
  }
}
