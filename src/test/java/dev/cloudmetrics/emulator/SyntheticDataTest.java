package dev.cloudmetrics.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The data must look like an audience and must add up, whatever names and times come in. */
class SyntheticDataTest {
  static final List<String> REGIONS = List.of("CN", "HK", "AS", "NA", "SA", "EU", "AU", "AF", "TW");
  static final int[] GRANULARITIES = {1, 5, 10, 20, 60, 240, 480, 1440};

  @Test
  void perSeriesPeaksAddUpExactlyToTheMergedPeak() {
    Random random = new Random(7);
    for (int run = 0; run < 500; run++) {
      List<String> streams = new ArrayList<>();
      for (int i = 0; i <= random.nextInt(5); i++) {
        streams.add("rtmp://s" + random.nextInt(1000) + ".example/live/" + random.nextInt(100_000));
      }
      List<String> regions = REGIONS.subList(0, 1 + random.nextInt(REGIONS.size()));
      int granularity = GRANULARITIES[random.nextInt(GRANULARITIES.length)];
      Instant bucket = Instant.ofEpochSecond(1_700_000_000L + 60L * granularity * random.nextInt(100_000));

      long sum = 0;
      for (String stream : streams) {
        for (String region : regions) {
          sum += SyntheticData.cdnPeak(stream, region, bucket, granularity);
        }
      }
      assertEquals(sum, SyntheticData.cdnMergedPeak(streams, regions, bucket, granularity), streams + " " + regions);
    }
  }

  @Test
  void aLongerBucketPeaksAtLeastAsHighAsAnyOfItsParts() {
    String stream = "rtmp://demo.example/live/a";
    Instant day = Instant.parse("2024-05-19T16:00:00Z"); // Beijing midnight
    long daily = SyntheticData.cdnPeak(stream, "CN", day, 1440);
    for (int hour = 0; hour < 24; hour++) {
      long hourly = SyntheticData.cdnPeak(stream, "CN", day.plusSeconds(3600L * hour), 60);
      assertTrue(hourly <= daily, "hour " + hour);
    }
  }

  @Test
  void eveningsAreBusierThanNights() {
    Instant nineInTheEvening = Instant.parse("2024-05-20T13:00:00Z");
    Instant fourInTheMorning = Instant.parse("2024-05-19T20:00:00Z");
    for (String app : List.of("app1", "app2", "game-lobby", "课堂")) {
      assertTrue(SyntheticData.rtcValue(app, "online_user_count", nineInTheEvening)
          > 2 * SyntheticData.rtcValue(app, "online_user_count", fourInTheMorning), app);
    }
    assertTrue(SyntheticData.cdnPeak("rtmp://demo.example/live/a", "CN", nineInTheEvening, 5)
        > 2 * SyntheticData.cdnPeak("rtmp://demo.example/live/a", "CN", fourInTheMorning, 5));
  }

  @Test
  void roomsAreFewerThanUsersAndBothArePositive() {
    Random random = new Random(11);
    for (int run = 0; run < 2000; run++) {
      String app = "app-" + random.nextInt(1_000_000);
      Instant bucket = Instant.ofEpochSecond(30L * random.nextInt(200_000_000));
      long users = SyntheticData.rtcValue(app, "online_user_count", bucket);
      long rooms = SyntheticData.rtcValue(app, "online_room_count", bucket);
      assertTrue(rooms > 0 && rooms < users, app + " at " + bucket + ": " + rooms + " rooms, " + users + " users");
    }
  }

  @Test
  void sameQuestionSameAnswerAnywhereInTheBucket() {
    Instant bucket = Instant.parse("2024-05-20T03:50:30Z");
    assertEquals(SyntheticData.rtcValue("app1", "online_user_count", bucket),
        SyntheticData.rtcValue("app1", "online_user_count", bucket.plusSeconds(29)));
    assertTrue(SyntheticData.rtcValue("app1", "online_user_count", bucket)
        != SyntheticData.rtcValue("app2", "online_user_count", bucket)
        || SyntheticData.rtcValue("app1", "online_user_count", bucket.plusSeconds(30))
        != SyntheticData.rtcValue("app2", "online_user_count", bucket.plusSeconds(30)));
  }

  @Test
  void cdnPeaksGrowUntilEightMinutesAfterTheBucketAndMergedStaysTheSumOfStreams() {
    Instant bucket = Instant.parse("2024-05-20T03:50:00Z");
    List<String> streams = List.of("rtmp://demo.example/live/a", "rtmp://demo.example/live/b");
    long previous = 0;
    for (int second = 0; second <= 18 * 60; second += 15) {
      Instant now = bucket.plusSeconds(second);
      long peak = SyntheticData.cdnPeak(streams.get(0), "CN", bucket, 10, now);
      assertTrue(peak >= previous, "never shrinks, at +" + second + " s");
      previous = peak;
      assertEquals(SyntheticData.cdnPeak(streams.get(0), "CN", bucket, 10, now)
          + SyntheticData.cdnPeak(streams.get(1), "CN", bucket, 10, now),
          SyntheticData.cdnMergedPeak(streams, List.of("CN"), bucket, 10, now));
    }
    assertEquals(0, SyntheticData.cdnPeak(streams.get(0), "CN", bucket, 10, bucket.plusSeconds(120)));
    assertEquals(SyntheticData.cdnPeak(streams.get(0), "CN", bucket, 10), previous);
  }

  @Test
  void rtcValuesAreFinalFiftySecondsAfterTheBucketStarts() {
    Instant bucket = Instant.parse("2024-05-20T03:50:00Z");
    long whole = SyntheticData.rtcValue("app1", "online_user_count", bucket);
    assertTrue(SyntheticData.rtcValue("app1", "online_user_count", bucket, bucket.plusSeconds(25)) < whole);
    assertEquals(whole, SyntheticData.rtcValue("app1", "online_user_count", bucket, bucket.plusSeconds(50)));
  }
}
