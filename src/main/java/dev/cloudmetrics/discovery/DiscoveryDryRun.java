package dev.cloudmetrics.discovery;

import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.RequestPrinter;
import java.io.PrintStream;
import java.util.List;

/**
 * What --dry-run shows of a run that discovers its apps or streams: the discovery request(s),
 * signed and masked, and what follows; the query requests themselves depend on the answer.
 */
public final class DiscoveryDryRun {
  private DiscoveryDryRun() {}

  /** {@code --app-id all}: the first ListApps page, then the rule for the rest. */
  public static void printAppListing(ApiRequest firstPage, PrintStream out) {
    out.println("Discovery: RTC ListApps lists the apps (100 a page, more pages while Offset < Total);");
    out.println("then one ListRealTimeOperationData request per app listed. Those depend on its answer,");
    out.println("so only the discovery request is shown, signed (secrets masked):");
    out.println();
    RequestPrinter.print(firstPage, out);
  }

  /** {@code --top N}: the listing request(s), then the rule for the query. */
  public static void printTopListing(List<String> steps, ApiRequest first, PrintStream out) {
    steps.forEach(out::println);
    out.println("The query's streams, and so its plan, depend on the answer: only the first discovery");
    out.println("request is shown, signed (secrets masked):");
    out.println();
    RequestPrinter.print(first, out);
  }
}
