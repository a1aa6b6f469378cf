package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeTextTest {
  private static final Instant BUCKET = Instant.parse("2024-05-20T02:00:00Z");

  @Test
  void printsTheOffsetOfTheChosenZone() {
    assertEquals("2024-05-20T10:00:00+08:00", TimeText.of(BUCKET, ZoneId.of("Asia/Shanghai")));
    assertEquals("2024-05-19T22:00:00-04:00", TimeText.of(BUCKET, ZoneId.of("America/New_York")));
    assertEquals("2024-05-20T07:30:00+05:30", TimeText.of(BUCKET, ZoneId.of("Asia/Kolkata")));
  }

  @Test
  void utcIsAnOffsetNotZ() {
    assertEquals("2024-05-20T02:00:00+00:00", TimeText.of(BUCKET, ZoneOffset.UTC));
    assertEquals("2024-05-20T02:00:00+00:00", TimeText.of(BUCKET, ZoneId.of("UTC")));
  }

  @Test
  void alwaysShowsSecondsAndNeverFractions() {
    assertEquals("2024-05-20T02:00:00+00:00", TimeText.of(BUCKET.plusMillis(250), ZoneOffset.UTC));
  }
}
