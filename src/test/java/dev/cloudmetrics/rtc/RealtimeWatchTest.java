package dev.cloudmetrics.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.http.RequestLog;
import dev.cloudmetrics.http.TransportSettings;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.schedule.BucketLoop;
import dev.cloudmetrics.time.FinalBuckets;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** RTC's watch (its source on the one BucketLoop) against the emulator over loopback, on simulated time: every bucket once, in order, when complete. */
class RealtimeWatchTest {
  static final Instant NOON = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final Duration BUCKET = Duration.ofSeconds(30);

  /** One call of the printer: when, and what. */
  record Printed(Instant at, List<Row> rows) {}

  /** What one watch left behind. */
  record Watched(RealtimeQuery first, List<Printed> printed, List<String> notices) {
    List<Row> rows() {
      return printed.stream().flatMap(p -> p.rows().stream()).toList();
    }
  }

  static Watched watch(SimulatedTime time, List<String> apps, String last, Duration interval) throws Exception {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      RealtimeArgs args = new RealtimeArgs(apps, List.of(), Optional.empty(), Optional.empty(), Optional.of(last),
          "cn-north-1", Optional.of(emulator.baseUri().toString()), ZoneOffset.UTC, false, true, "30s", "2");
      RealtimeQuery first = RealtimeQueries.from(args, time.instant()).value();
      TransportSettings settings = new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 0,
          Duration.ofMillis(1), Duration.ofMillis(1), 0);
      RealtimeClient client = new RealtimeClient(new HttpTransport(settings, RequestLog.silent()),
          DemoCredentials.VOLCENGINE, time);
      List<Printed> printed = new ArrayList<>();
      List<String> notices = new ArrayList<>();
      new BucketLoop(new RealtimeSource(client, first, FinalBuckets.rtc()), time, time, ZoneOffset.UTC, notices::add)
          .run(first.window().start(), interval, (rows, finalBefore) -> printed.add(new Printed(time.instant(), rows)));
      return new Watched(first, printed, notices);
    }
  }

  @Test
  void tenMinutesPrintEveryCompletedBucketOncePerAppAndIndicatorInOrderAndNeverAnIncompleteOne() throws Exception {
    SimulatedTime time = new SimulatedTime(NOON.plusSeconds(7), NOON.plusSeconds(7).plus(Duration.ofMinutes(10)));
    Watched watched = watch(time, List.of("app1", "app2"), "15m", BUCKET);

    // 11:45:07 is in the bucket 11:45:00; at 12:10:07 the last complete bucket is 12:09:00.
    assertEveryBucketOnceInOrder(watched.rows(), List.of("app1", "app2"), Instant.parse("2024-05-20T03:45:00Z"),
        Instant.parse("2024-05-20T04:09:00Z"));
    assertNothingIncompleteWhenPrinted(watched.printed());
    assertEquals(List.of(), watched.notices());
    // Polls land 22 s after a bucket ends: each bucket is on the screen 2 s after it is complete.
    for (Instant wake : time.wakes()) {
      assertEquals(22, wake.getEpochSecond() % 30, wake.toString());
    }
  }

  @Test
  void anyStartIntervalAndLengthGivesEveryBucketOnceAndIsAtMostAnIntervalBehind() throws Exception {
    Random random = new Random(4);
    for (int run = 0; run < 12; run++) {
      Instant start = NOON.plusSeconds(random.nextInt(86_400));
      Duration length = Duration.ofSeconds(60 + random.nextInt(20 * 60));
      Duration interval = Duration.ofSeconds(30 + random.nextInt(300));
      List<String> apps = IntStream.rangeClosed(1, 1 + random.nextInt(3)).mapToObj(i -> "app" + i).toList();
      String last = (1 + random.nextInt(60)) + "m";
      SimulatedTime time = new SimulatedTime(start, start.plus(length));
      String what = "start " + start + ", " + length + ", every " + interval + ", --last " + last + ", " + apps;

      Watched watched = watch(time, apps, last, interval);

      Instant stop = start.plus(length);
      List<Row> rows = watched.rows();
      Instant firstBucket = Instant.ofEpochSecond(Math.floorDiv(watched.first().window().start().getEpochSecond(), 30) * 30);
      assertFalse(rows.isEmpty(), what);
      Instant lastBucket = rows.get(rows.size() - 1).time();
      assertEveryBucketOnceInOrder(rows, apps, firstBucket, lastBucket);
      assertNothingIncompleteWhenPrinted(watched.printed());
      // The last poll came at most an interval (rounded up to a bucket) and the settling time before the stop.
      Instant polledBy = stop.minus(interval).minus(BUCKET).minus(BucketLoop.SETTLE);
      assertFalse(lastBucket.plus(BUCKET).isBefore(RealtimeQueries.completeBefore(polledBy)), what);
      assertEquals(List.of(), watched.notices(), what);
    }
  }

  static void assertEveryBucketOnceInOrder(List<Row> rows, List<String> apps, Instant first, Instant last) {
    List<String> indicators = List.of("online_user_count", "online_room_count");
    int i = 0;
    for (Instant bucket = first; !bucket.isAfter(last); bucket = bucket.plus(BUCKET)) {
      for (String app : apps) {
        for (String indicator : indicators) {
          Row expected = new Row(bucket, List.of(app, indicator),
              BigDecimal.valueOf(SyntheticData.rtcValue(app, indicator, bucket)));
          assertTrue(i < rows.size(), "missing from " + expected);
          Row row = rows.get(i++);
          assertEquals(expected.time(), row.time());
          assertEquals(expected.labels(), row.labels());
          assertEquals(0, expected.value().compareTo(row.value()), row.toString());
        }
      }
    }
    assertEquals(rows.size(), i, "rows after " + last);
  }

  static void assertNothingIncompleteWhenPrinted(List<Printed> printed) {
    for (Printed batch : printed) {
      for (Row row : batch.rows()) {
        assertTrue(row.time().plus(BUCKET).plusSeconds(20).isBefore(batch.at()), row + " printed at " + batch.at());
      }
    }
  }
}
