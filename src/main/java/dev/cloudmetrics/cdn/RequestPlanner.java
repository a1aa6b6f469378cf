package dev.cloudmetrics.cdn;

import dev.cloudmetrics.time.ApiTimeFormats;
import dev.cloudmetrics.time.Buckets;
import dev.cloudmetrics.time.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a query into requests that each keep the API's limits (7 days, {@link DataPoints#LIMIT}
 * points), on bucket boundaries in Beijing time, as few as those limits allow.
 *
 * <p>The API returns every bucket a window touches, the one holding EndTime included, so a
 * request for buckets i..j is sent from the start of bucket i to the START of bucket j: its span,
 * and so its point count, is (j - i) buckets, and the next request begins at bucket j + 1. Only
 * the first request of a batch starts at the query's start and only the last ends at its end.
 * Merged results are cut by time only; per-stream results also into batches of whole streams
 * (every region of a stream stays in one request), each batch cut greedily in time, which is
 * optimal for one batch; the batch count is the one that gives the fewest requests in all.
 */
public final class RequestPlanner {
  private static final long LONGEST_MINUTES = OnlineUsersQueries.LONGEST.toMinutes();

  private RequestPlanner() {}

  public static RequestPlan plan(OnlineUsersQuery query) {
    Grid grid = Grid.of(query);
    List<List<String>> batches = batches(query, grid);
    List<PlannedRequest> unordered = new ArrayList<>();
    int firstStream = 0;
    for (int batch = 0; batch < batches.size(); batch++) {
      List<String> streams = batches.get(batch);
      long series = series(query, streams.size());
      for (Span span : spans(grid, series)) {
        TimeWindow window = grid.window(span);
        unordered.add(new PlannedRequest(0, batch, firstStream, streams, grid.bucket(span.first()),
            grid.bucket(span.last()), window, DataPoints.count(query.regions().size(), streams.size(),
                window.span(), query.granularity(), query.perStream())));
      }
      firstStream += streams.size();
    }
    unordered.sort(Comparator.comparing(PlannedRequest::firstBucket).thenComparingInt(PlannedRequest::batch));
    List<PlannedRequest> requests = new ArrayList<>(unordered.size());
    for (PlannedRequest r : unordered) {
      requests.add(new PlannedRequest(requests.size(), r.batch(), r.firstStream(), r.streams(), r.firstBucket(),
          r.lastBucket(), r.window(), r.points()));
    }
    return new RequestPlan(query, requests, batches.size(), grid.count());
  }

  /** Series the API counts for a request of {@code streams} streams: regions x streams, or 1 merged. */
  private static long series(OnlineUsersQuery query, int streams) {
    return query.perStream() ? (long) query.regions().size() * streams : 1;
  }

  /**
   * The streams in consecutive batches of sizes differing by at most one: one batch when merged,
   * else the batch count (from the fewest that keep a request within the point limit) with the
   * fewest requests in all, the smaller count on a tie.
   */
  private static List<List<String>> batches(OnlineUsersQuery query, Grid grid) {
    List<String> streams = query.streamUrls();
    int total = streams.size();
    if (!query.perStream()) {
      return List.of(streams);
    }
    int regions = query.regions().size();
    int largest = (int) (DataPoints.LIMIT / regions);
    Map<Long, Integer> requestsPerBatch = new HashMap<>();
    int bestCount = -1;
    long bestRequests = Long.MAX_VALUE;
    for (int count = (total + largest - 1) / largest; count <= total; count++) {
      int small = total / count;
      int large = total % count;
      long requests = (long) large * requestsFor(requestsPerBatch, grid, (long) regions * (small + 1))
          + (long) (count - large) * requestsFor(requestsPerBatch, grid, (long) regions * small);
      if (requests < bestRequests) {
        bestRequests = requests;
        bestCount = count;
      }
    }
    List<List<String>> batches = new ArrayList<>();
    int small = total / bestCount;
    int large = total % bestCount;
    int from = 0;
    for (int batch = 0; batch < bestCount; batch++) {
      int size = batch < large ? small + 1 : small;
      batches.add(List.copyOf(streams.subList(from, from + size)));
      from += size;
    }
    return batches;
  }

  private static int requestsFor(Map<Long, Integer> known, Grid grid, long series) {
    return known.computeIfAbsent(series, s -> spans(grid, s).size());
  }

  /**
   * Greedy cuts in time for requests of {@code series} series: each request takes as many buckets
   * as its span allows. Needs at most {@link DataPoints#LIMIT} series, so that two buckets fit.
   */
  static List<Span> spans(Grid grid, long series) {
    long g = grid.minutes();
    long longest = Math.min(DataPoints.LIMIT * g / series, LONGEST_MINUTES);
    List<Span> spans = new ArrayList<>();
    long first = 0;
    long last = grid.count() - 1;
    while (first <= last) {
      long startOffset = first == 0 ? grid.startOffset() : 0;
      long end = Math.min(last, first + (longest + startOffset) / g);
      if (end == last && (last - first) * g + grid.endOffset() - startOffset > longest) {
        end = last - 1; // the query's end lies too far into the last bucket: that bucket goes alone
      }
      spans.add(new Span(first, end));
      first = end + 1;
    }
    return spans;
  }

  /** Bucket indexes {@code first..last}, inclusive, counted from the bucket holding the query's start. */
  record Span(long first, long last) {}

  /**
   * The buckets a query touches: the first one's start, how many, and how far into its first and
   * last bucket the query starts and ends (minutes).
   */
  record Grid(TimeWindow window, Instant firstBucket, long minutes, long count, long startOffset, long endOffset) {
    static Grid of(OnlineUsersQuery query) {
      Duration size = query.granularity().duration();
      TimeWindow window = query.window();
      Instant first = Buckets.floor(window.start(), size, ApiTimeFormats.BEIJING);
      Instant last = Buckets.floor(window.end(), size, ApiTimeFormats.BEIJING);
      long minutes = size.toMinutes();
      return new Grid(window, first, minutes, Duration.between(first, last).toMinutes() / minutes + 1,
          Duration.between(first, window.start()).toMinutes(), Duration.between(last, window.end()).toMinutes());
    }

    Instant bucket(long index) {
      return firstBucket.plus(Duration.ofMinutes(index * minutes));
    }

    /**
     * From the start of the span's first bucket to the start of its last (the query's own bounds
     * at its ends). A span of one bucket with no length is stretched by a minute, forward for the
     * first span and back for the others, since the API wants an end after the start; the rows of
     * a bucket that minute reaches are not this request's and are dropped.
     */
    TimeWindow window(Span span) {
      Instant start = span.first() == 0 ? window.start() : bucket(span.first());
      Instant end = span.last() == count - 1 ? window.end() : bucket(span.last());
      if (end.isAfter(start)) {
        return new TimeWindow(start, end);
      }
      Duration minute = Duration.ofMinutes(1);
      return span.first() == 0 ? new TimeWindow(start, start.plus(minute)) : new TimeWindow(start.minus(minute), end);
    }
  }
}
