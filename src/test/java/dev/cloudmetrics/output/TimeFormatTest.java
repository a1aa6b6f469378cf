package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeFormatTest {
  private static final Instant BUCKET = Instant.parse("2024-05-20T02:00:30.250Z");

  @Test
  void aTimePrintedAgainIsTheSameTextAndAnyChangeOfTimeZoneOrFormatIsSeen() {
    // The last time printed is kept (a per-stream export prints each bucket thousands of times):
    // whatever changes between two calls must change the text.
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    Instant next = BUCKET.plusSeconds(30);
    String[] printed = {
      TimeFormat.ISO.format(BUCKET, shanghai), TimeFormat.ISO.format(BUCKET, shanghai),
      TimeFormat.ISO.format(next, shanghai), TimeFormat.ISO.format(next, ZoneOffset.UTC),
      TimeFormat.LOCAL.format(next, ZoneOffset.UTC), TimeFormat.EPOCH.format(next, ZoneOffset.UTC),
      TimeFormat.ISO.format(BUCKET.plusMillis(500), shanghai)};

    assertEquals(java.util.List.of("2024-05-20T10:00:30+08:00", "2024-05-20T10:00:30+08:00",
        "2024-05-20T10:01:00+08:00", "2024-05-20T02:01:00+00:00", "2024-05-20 02:01:00", "1716170460",
        "2024-05-20T10:00:30+08:00"), java.util.List.of(printed));
  }

  @Test
  void isoIsTheOffsetFormOfEveryOtherFormat() {
    assertEquals("2024-05-20T10:00:30+08:00", TimeFormat.ISO.format(BUCKET, ZoneId.of("Asia/Shanghai")));
  }

  @Test
  void localIsWallTimeInTheZoneWithoutOffset() {
    assertEquals("2024-05-20 10:00:30", TimeFormat.LOCAL.format(BUCKET, ZoneId.of("Asia/Shanghai")));
    assertEquals("2024-05-19 22:00:30", TimeFormat.LOCAL.format(BUCKET, ZoneId.of("America/New_York")));
  }

  @Test
  void epochIsWholeSecondsWhateverTheZone() {
    assertEquals("1716170430", TimeFormat.EPOCH.format(BUCKET, ZoneId.of("Asia/Shanghai")));
    assertEquals("1716170430", TimeFormat.EPOCH.format(BUCKET, ZoneOffset.UTC));
  }

  @Test
  void namesReadInAnyCase() {
    assertEquals(TimeFormat.LOCAL, TimeFormat.parse("Local"));
    assertEquals(Layout.WIDE, Layout.parse("WIDE"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "", "iso8601"})
  void unknownNamesListTheChoices(String text) {
    assertEquals("must be one of iso, local, epoch",
        assertThrows(IllegalArgumentException.class, () -> TimeFormat.parse(text)).getMessage());
    assertEquals("must be one of long, wide",
        assertThrows(IllegalArgumentException.class, () -> Layout.parse(text)).getMessage());
  }
}
