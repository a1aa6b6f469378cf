package dev.cloudmetrics.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.time.ApiTimeFormats;
import dev.cloudmetrics.time.Buckets;
import dev.cloudmetrics.time.TimeWindow;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestPlannerTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final Duration MINUTE = Duration.ofMinutes(1);

  static OnlineUsersQuery query(int streams, List<BillingRegion> regions, Granularity granularity, boolean perStream,
      Instant start, Instant end) {
    List<String> urls = IntStream.range(0, streams).mapToObj(i -> "rtmp://demo.example/live/s" + i).toList();
    return new OnlineUsersQuery(urls, regions, granularity, perStream, new TimeWindow(start, end), "cn-shanghai-1",
        URI.create("http://127.0.0.1:1"));
  }

  static Instant beijing(String local) {
    return Instant.parse(local + ":00+08:00");
  }

  static Instant bucket(Instant at, Granularity granularity) {
    return Buckets.floor(at, granularity.duration(), ApiTimeFormats.BEIJING);
  }

  /** Every rule of the API and of stitching, for every request of the plan. */
  static void assertSound(RequestPlan plan) {
    OnlineUsersQuery query = plan.query();
    Granularity g = query.granularity();
    TimeWindow whole = query.window();
    Instant firstBucket = bucket(whole.start(), g);
    Instant lastBucket = bucket(whole.end(), g);
    List<PlannedRequest> requests = plan.requests();
    for (int i = 0; i < requests.size(); i++) {
      PlannedRequest r = requests.get(i);
      Supplier<String> what = () -> r + " of " + query.window();
      TimeWindow w = r.window();
      assertEquals(i, r.index(), what);
      assertTrue(w.end().isAfter(w.start()), what);
      assertTrue(w.span().compareTo(Duration.ofDays(7)) <= 0, what);
      assertEquals(r.points(), DataPoints.count(plan.queryFor(r)), what);
      assertTrue(r.points() <= DataPoints.LIMIT, what);
      assertFalse(w.start().isBefore(whole.start()), what);
      assertFalse(w.end().isAfter(whole.end()), what);
      assertEquals(0, w.start().getEpochSecond() % 60 + w.end().getEpochSecond() % 60, what);
      // Cut points on bucket boundaries: the rows a request answers for are whole buckets it touches.
      assertTrue(Buckets.isAligned(r.firstBucket(), g.duration(), ApiTimeFormats.BEIJING), what);
      assertTrue(Buckets.isAligned(r.lastBucket(), g.duration(), ApiTimeFormats.BEIJING), what);
      assertFalse(bucket(w.start(), g).isAfter(r.firstBucket()), what);
      assertFalse(bucket(w.end(), g).isBefore(r.lastBucket()), what);
      assertTrue(w.start().equals(whole.start()) || w.start().equals(r.firstBucket())
          || w.start().equals(r.firstBucket().minus(MINUTE)) && r.firstBucket().equals(r.lastBucket()), what);
      assertTrue(w.end().equals(whole.end()) || w.end().equals(r.lastBucket())
          || w.end().equals(w.start().plus(MINUTE)) && r.firstBucket().equals(r.lastBucket()), what);
    }
    assertEquals(requests.stream().sorted(Comparator.comparing(PlannedRequest::firstBucket)
        .thenComparingInt(PlannedRequest::batch)).toList(), requests);
    // Each batch's buckets follow on without a gap or an overlap from the first to the last bucket.
    List<String> streamsInBatchOrder = new ArrayList<>();
    for (int batch = 0; batch < plan.batches(); batch++) {
      int b = batch;
      List<PlannedRequest> ofBatch = requests.stream().filter(r -> r.batch() == b).toList();
      Instant next = firstBucket;
      for (PlannedRequest r : ofBatch) {
        assertEquals(next, r.firstBucket(), r::toString);
        assertFalse(r.lastBucket().isBefore(r.firstBucket()), r::toString);
        assertSame(ofBatch.get(0).streams(), r.streams());
        assertEquals(streamsInBatchOrder.size(), r.firstStream());
        next = r.lastBucket().plus(g.duration());
      }
      assertEquals(lastBucket.plus(g.duration()), next);
      streamsInBatchOrder.addAll(ofBatch.get(0).streams());
    }
    assertEquals(query.streamUrls(), streamsInBatchOrder);
    assertEquals(Duration.between(firstBucket, lastBucket).dividedBy(g.duration()) + 1, plan.buckets());
  }

  @Test
  void aQueryThatFitsOneRequestIsSentAsAsked() {
    OnlineUsersQuery query = query(2, List.of(BillingRegion.CN, BillingRegion.HK), Granularity.M5, true,
        beijing("2024-05-20T10:03"), beijing("2024-05-20T11:07"));

    RequestPlan plan = RequestPlanner.plan(query);

    assertEquals(1, plan.size());
    assertEquals(query, plan.queryFor(plan.requests().get(0)));
  }

  @Test
  void sixtyTwoDaysInDaysMergedAreEightRequestsOfAtMostSevenDays() {
    OnlineUsersQuery query = query(3, List.of(BillingRegion.CN), Granularity.D1, false,
        NOW.minus(Duration.ofDays(62)), NOW);

    RequestPlan plan = RequestPlanner.plan(query);

    assertSound(plan);
    assertEquals(63, plan.buckets()); // 62 whole days and today
    assertEquals(8, plan.size());
    PlannedRequest second = plan.requests().get(1);
    // Buckets of 8 days from Beijing midnight to Beijing midnight: 7 days of span, the 8th touched.
    assertEquals(new TimeWindow(beijing("2024-03-27T00:00"), beijing("2024-04-03T00:00")), second.window());
    assertEquals(beijing("2024-04-03T00:00"), second.lastBucket());
    assertEquals(beijing("2024-04-04T00:00"), plan.requests().get(2).window().start());
  }

  @Test
  void perStreamIsCutIntoBatchesOfWholeStreamsAndInTime() {
    OnlineUsersQuery query = query(40, List.of(BillingRegion.CN, BillingRegion.HK, BillingRegion.AS), Granularity.M1,
        true, NOW.minus(Duration.ofDays(30)), NOW);

    RequestPlan plan = RequestPlanner.plan(query);

    assertSound(plan);
    assertEquals(1, plan.batches());
    // 120 series may span 83 minutes (9960 points) and so answer for 84 buckets per request.
    assertEquals(84, Duration.between(plan.requests().get(1).firstBucket(), plan.requests().get(2).firstBucket())
        .toMinutes());
    assertEquals((30 * 1440 + 1 + 83) / 84, plan.size());
  }

  @Test
  void moreSeriesThanOneRequestTakesMakeSeveralBatchesInStreamOrder() {
    OnlineUsersQuery query = query(2500, List.of(BillingRegion.values()), Granularity.H1, true,
        beijing("2024-05-19T00:00"), beijing("2024-05-19T10:00"));

    RequestPlan plan = RequestPlanner.plan(query);

    assertSound(plan);
    assertTrue(plan.batches() >= 3, plan.batches() + " batches");
  }

  @Test
  void aWindowEndingOnABoundaryAfterAFullRequestGetsItsLastBucketAlone() {
    // 10000 series of 1-day buckets may span one day: two buckets a request; the third is alone,
    // and a window with no length is stretched a minute back into the bucket before.
    OnlineUsersQuery query = query(10_000, List.of(BillingRegion.CN), Granularity.D1, true,
        beijing("2024-05-17T00:00"), beijing("2024-05-19T00:00"));

    RequestPlan plan = RequestPlanner.plan(query);

    assertSound(plan);
    assertEquals(2, plan.size());
    assertEquals(new TimeWindow(beijing("2024-05-18T23:59"), beijing("2024-05-19T00:00")),
        plan.requests().get(1).window());
  }

  @Test
  void randomQueriesArePlannedSoundlyAndWithTheFewestRequests() {
    Random random = new Random(3);
    Granularity[] granularities = Granularity.values();
    for (int i = 0; i < 2000; i++) {
      Granularity g = granularities[random.nextInt(granularities.length)];
      boolean perStream = random.nextBoolean();
      int streams = 1 + (random.nextInt(10) == 0 ? random.nextInt(3000) : random.nextInt(12));
      List<BillingRegion> all = new ArrayList<>(Arrays.asList(BillingRegion.values()));
      java.util.Collections.shuffle(all, random);
      List<BillingRegion> regions = all.subList(0, 1 + random.nextInt(all.size()));
      Instant end = NOW.minus(Duration.ofMinutes(random.nextInt(62 * 1440)));
      long longest = Duration.between(NOW.minus(Duration.ofDays(62)), end).toMinutes();
      long span = 1 + (random.nextBoolean() ? random.nextInt(3 * g.minutes() + 1) : (long) (random.nextDouble() * longest));
      OnlineUsersQuery query = query(streams, regions, g, perStream, end.minus(Duration.ofMinutes(Math.min(span,
          Math.max(1, longest)))), end);

      RequestPlan plan = RequestPlanner.plan(query);

      assertSound(plan);
      if (plan.buckets() <= 20_000 && streams <= 12) {
        assertEquals(FewestRequests.of(query), plan.size(), query::toString);
      }
    }
  }
}
