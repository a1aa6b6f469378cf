package dev.cloudmetrics.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.failure.ApiErrorException;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.output.RowSink;
import dev.cloudmetrics.time.TimeWindow;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The runner and stitcher without HTTP: answers in any order, failures, and how much is held back. */
class PlanRunnerTest {
  static final Instant START = Instant.parse("2024-05-10T16:00:00Z"); // Beijing midnight
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final List<BillingRegion> REGIONS = List.of(BillingRegion.CN, BillingRegion.HK);

  /** A per-stream plan in 1-minute buckets in two regions: many requests in time, stream batches if many streams. */
  static RequestPlan plan(int streams, Duration span) {
    List<String> urls = IntStream.range(0, streams).mapToObj(i -> "rtmp://demo.example/live/s" + i).toList();
    return RequestPlanner.plan(new OnlineUsersQuery(urls, REGIONS, Granularity.M1, true,
        new TimeWindow(START, START.plus(span)), "cn-shanghai-1", URI.create("http://127.0.0.1:1")));
  }

  /** What the API answers for a request: every bucket its window touches, a value per stream and region. */
  static List<Row> answer(PlannedRequest request) {
    List<Row> rows = new ArrayList<>();
    for (Instant at = request.window().start(); !at.isAfter(request.window().end()); at = at.plusSeconds(60)) {
      for (String stream : request.streams()) {
        for (BillingRegion region : REGIONS) {
          rows.add(new Row(at, List.of(stream, region.name()), BigDecimal.valueOf(at.getEpochSecond() / 60 % 997)));
        }
      }
    }
    return rows;
  }

  /** The rows of one request for the whole query, as the stitched output must be. */
  static List<Row> whole(RequestPlan plan) {
    List<Row> rows = new ArrayList<>();
    TimeWindow window = plan.query().window();
    for (Instant at = window.start(); !at.isAfter(window.end()); at = at.plusSeconds(60)) {
      for (String stream : plan.query().streamUrls()) {
        for (BillingRegion region : REGIONS) {
          rows.add(new Row(at, List.of(stream, region.name()), BigDecimal.valueOf(at.getEpochSecond() / 60 % 997)));
        }
      }
    }
    return rows;
  }

  /** A sink that keeps what it gets. */
  static final class Collected implements RowSink {
    final List<Row> rows = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void begin(RowSchema schema) {}

    @Override
    public void accept(Row row) {
      rows.add(row);
    }

    @Override
    public void end() {}
  }

  static void pause(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void run(RequestPlan plan, Function<PlannedRequest, List<Row>> fetch, int concurrency, RowSink sink)
      throws Exception {
    new PlanRunner(fetch, concurrency, PlanProgress.none(), SHANGHAI, true).run(plan, sink);
  }

  @Test
  void answersInAnyOrderComeOutInTheOrderOfOneRequest() throws Exception {
    RequestPlan plan = plan(6000, Duration.ofMinutes(15)); // 12000 series: 2 batches, 2 buckets a request
    assertEquals(2, plan.batches());
    assertEquals(16, plan.size());
    Collected sink = new Collected();

    // Answers come back after a random pause, so out of order, each with its latest bucket first.
    run(plan, request -> {
      List<Row> rows = new ArrayList<>(answer(request));
      rows.sort(Comparator.comparing(Row::time).reversed());
      pause(new Random(request.index()).nextInt(20));
      return rows;
    }, 8, sink);

    assertSameRows(whole(plan), sink.rows);
  }

  @Test
  void aFailureStopsTheRunWithOnlyCompleteBucketsWrittenAndSaysWhereToResume() {
    RequestPlan plan = plan(1, Duration.ofDays(10)); // 2 series: 5001 minutes a request, 3 requests
    PlannedRequest third = plan.requests().get(2);
    Collected sink = new Collected();

    ApiErrorException e = assertThrows(ApiErrorException.class, () -> run(plan, request -> {
      if (request.index() == 2) {
        throw new ApiErrorException(new ApiError(400, "InvalidDomain.NotFound", "Invalid domains:x",
            Optional.of("req-1")));
      }
      return answer(request);
    }, 1, sink));

    assertSameRows(whole(plan).stream().filter(r -> r.time().isBefore(third.firstBucket())).toList(), sink.rows);
    assertEquals("InvalidDomain.NotFound", e.error().code());
    assertEquals(400, e.error().httpStatus());
    String resume = "2024-05-17T22:42:00+08:00"; // 10002 minutes after the start
    assertEquals(Instant.parse(resume), third.firstBucket());
    assertEquals("InvalidDomain.NotFound: Invalid domains:x (request id req-1); request 3 of 3 (" + resume
        + " to 2024-05-21T00:00:00+08:00) failed; every bucket before " + resume
        + " was written; to fetch the rest, run again with --start " + resume + " --end 2024-05-21T00:00:00+08:00",
        e.getMessage());
  }

  @Test
  void aServiceFailureKeepsItsKindAndGainsWhereItHappened() {
    RequestPlan plan = plan(1, Duration.ofDays(10));

    ServiceFailureException e = assertThrows(ServiceFailureException.class, () -> run(plan, request -> {
      throw new ServiceFailureException("GetLiveOnlineUserDataByStream: connection reset after 5 attempts");
    }, 1, new Collected()));

    assertTrue(e.getMessage().startsWith("GetLiveOnlineUserDataByStream: connection reset after 5 attempts; "
        + "request 1 of 3 ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("nothing was written; run again to retry"), e.getMessage());
  }

  @Test
  void requestsAheadOfAnUnansweredOneAreBoundedSoMemoryDoesNotGrowWithTheWindow() throws Exception {
    RequestPlan plan = plan(1, Duration.ofDays(60)); // one batch, 18 requests
    int concurrency = 2;
    int outstanding = plan.batches() + concurrency;
    CountDownLatch lastAllowedStarted = new CountDownLatch(1);
    AtomicBoolean firstAnswered = new AtomicBoolean();
    AtomicBoolean sentTooEarly = new AtomicBoolean();
    Collected sink = new Collected();

    run(plan, request -> {
      if (request.index() == 0) {
        awaitQuietly(lastAllowedStarted);
        firstAnswered.set(true);
      } else if (request.index() == outstanding - 1) {
        lastAllowedStarted.countDown();
      } else if (request.index() >= outstanding && !firstAnswered.get()) {
        sentTooEarly.set(true);
      }
      return answer(request);
    }, concurrency, sink);

    assertFalse(sentTooEarly.get(), "a request beyond " + outstanding + " was sent while the first was unanswered");
    assertSameRows(whole(plan), sink.rows);
  }

  /** Equal lists, and when not, the first difference rather than a million rows. */
  static void assertSameRows(List<Row> expected, List<Row> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + i);
    }
    assertEquals(expected.size(), actual.size());
  }
}
