package dev.cloudmetrics.cdn;

import java.util.List;

/**
 * The requests that together answer a query within the API's limits, in the order they are
 * sent: by their first bucket, then by stream batch.
 */
public record RequestPlan(OnlineUsersQuery query, List<PlannedRequest> requests, int batches, long buckets) {

  public RequestPlan {
    requests = List.copyOf(requests);
  }

  public int size() {
    return requests.size();
  }

  public long totalPoints() {
    return requests.stream().mapToLong(PlannedRequest::points).sum();
  }

  /** The rows the whole plan prints at most: one per bucket and series (one series when merged). */
  public long rows() {
    return buckets * (query.perStream() ? (long) query.streamUrls().size() * query.regions().size() : 1);
  }

  /** The query one planned request sends: its streams and window, everything else as asked. */
  public OnlineUsersQuery queryFor(PlannedRequest request) {
    return new OnlineUsersQuery(request.streams(), query.regions(), query.granularity(), query.perStream(),
        request.window(), query.signingRegion(), query.endpoint());
  }
}
