package dev.cloudmetrics.cdn;

import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.RequestPrinter;
import dev.cloudmetrics.time.TimeExpressions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Shows a plan as --dry-run prints it: a summary, one line per request (window as sent, buckets,
 * streams, data points), the total, and the first request signed with its secrets masked.
 */
public final class PlanPrinter {
  private PlanPrinter() {}

  public static void print(RequestPlan plan, ZoneId zone, ApiRequest firstSigned, PrintStream out) {
    OnlineUsersQuery query = plan.query();
    int streams = query.streamUrls().size();
    String series = query.perStream()
        ? streams * query.regions().size() + " series (" + streams + " stream(s) x " + query.regions().size()
            + " region(s)) in " + plan.batches() + " batch(es)"
        : "1 merged series of " + streams + " stream(s) in " + query.regions().size() + " region(s)";
    out.println("Plan: " + plan.size() + " request(s) for " + plan.buckets() + " bucket(s) of "
        + query.granularity().minutes() + " min, " + series + "; each request at most 7 days and "
        + DataPoints.LIMIT + " data points");
    out.println(String.format("%7s  %-25s  %-25s  %7s  %-15s  %6s", "request", "from", "to", "buckets", "streams",
        "points"));
    Duration bucket = query.granularity().duration();
    for (PlannedRequest request : plan.requests()) {
      long answered = Duration.between(request.firstBucket(), request.lastBucket()).dividedBy(bucket) + 1;
      String range = (request.firstStream() + 1) + "-" + (request.firstStream() + request.streams().size()) + " of "
          + streams;
      out.println(String.format("%7d  %-25s  %-25s  %7d  %-15s  %6d", request.index() + 1,
          TimeExpressions.format(request.window().start(), zone), TimeExpressions.format(request.window().end(), zone),
          answered, range, request.points()));
    }
    out.println("Total: " + plan.size() + " request(s), " + plan.totalPoints() + " data points");
    out.println();
    out.println(plan.size() == 1 ? "The request, signed (secrets masked):"
        : "The first request, signed (secrets masked); the others differ in StartTime, EndTime"
            + (plan.batches() > 1 ? " and StreamUrls" : "") + ":");
    RequestPrinter.print(firstSigned, out);
  }
}
