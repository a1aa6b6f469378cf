package dev.cloudmetrics.cli;

import dev.cloudmetrics.failure.Validated;
import dev.cloudmetrics.http.RequestPrinter;
import dev.cloudmetrics.output.GrowingOutput;
import dev.cloudmetrics.rtc.RealtimeArgs;
import dev.cloudmetrics.rtc.RealtimeClient;
import dev.cloudmetrics.rtc.RealtimePlan;
import dev.cloudmetrics.rtc.RealtimePlans;
import dev.cloudmetrics.rtc.RealtimeWatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rtc list-realtime}: users and rooms online in RTC apps, in 30-second buckets. */
@Command(
    name = "list-realtime",
    header = "Users and rooms online in RTC applications, in 30-second buckets.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Users and rooms online in one or more RTC applications (Volcengine ListRealTimeOperationData):",
      "30-second buckets, each labelled by its start, over a window within the last 60 minutes.",
      "CSV columns: time,app_id,indicator,value"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cloudmetrics rtc list-realtime --app-id 5f2a3b4c5d6e7f8091a2b3c4",
      "  cloudmetrics rtc list-realtime --app-id app1,app2 -i online_user_count \\",
      "      --last 30m -f csv",
      "  cloudmetrics rtc list-realtime --app-id app1 --start now-40m --end now-10m \\",
      "      --tz Asia/Shanghai -o rtc.csv",
      "  cloudmetrics --sandbox rtc list-realtime --app-id demo -f ndjson",
      "  cloudmetrics rtc list-realtime --app-id app1,app2 --watch -f csv >> rtc.csv",
      "",
      "Limits of the API: start at most 60 minutes ago, span at most 60 minutes,",
      "data 20 s late, 2 requests per second per account (the tool keeps to that,",
      "--rate changes it). A window ending now leaves out the buckets still",
      "incomplete (whose end is not 20 s ago yet)."
    })
final class ListRealtimeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--app-id", required = true, paramLabel = "ID",
      description = "RTC application id; repeat it or separate with commas for several apps.")
  List<String> appIds = new ArrayList<>();

  @Option(names = {"-i", "--indicator"}, paramLabel = "NAME",
      description = "Indicator(s), comma-separated or repeated (default online_user_count,online_room_count).")
  List<String> indicators = new ArrayList<>();

  @Mixin WindowOptions.Realtime window;

  @Option(names = "--region", paramLabel = "REGION", defaultValue = "cn-north-1",
      completionCandidates = RtcRegions.class,
      description = "cn-north-1 (default) or ap-singapore-1: picks the host and the signing region.")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Base URL instead of the region's host, e.g. http://127.0.0.1:8080.")
  String endpoint;

  @Option(names = "--include-incomplete",
      description = "Keep the last buckets of a window that ends within 20 s of now, whose values may still grow.")
  boolean includeIncomplete;

  @Option(names = "--watch",
      description = "Keep going: after the window, print each bucket once when it is complete, polling every "
          + "--interval; Ctrl-C ends it (exit 130).")
  boolean watch;

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s",
      description = "Least time between polls of --watch, 30s (the default, the bucket size) to 30m; polls are "
          + "timed just after a bucket completes.")
  String interval;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "2",
      description = "At most R requests per second, every request of the run counted, retries included "
          + "(default 2, the API's documented ceiling; decimals allowed).")
  String rate;

  @Mixin OutputOptions output;

  @Mixin RetryOptions retry;

  @Override
  public Integer call() throws Exception {
    CloudMetricsCommand root = (CloudMetricsCommand) spec.root().userObject();
    CliEnvironment environment = root.environment();
    try (ServiceAccess access = root.serviceAccess()) {
      Optional<String> target = access.sandboxEndpoint().map(Object::toString).or(() -> Optional.ofNullable(endpoint));
      RealtimeArgs args = new RealtimeArgs(appIds, indicators, window.start(), window.end(), window.last(),
          region, target, output.zone(), includeIncomplete, watch, interval, rate);
      Validated<RealtimePlan> plan = RealtimePlans.from(args, environment.clock().instant());
      Notices.print(plan.notices(), environment);
      Notices.print(output.notices(environment), environment);
      if (!watch && spec.commandLine().getParseResult().hasMatchedOption("--interval")) {
        Notices.print(List.of("--interval does nothing without --watch"), environment);
      }
      // One transport for the whole run: its pacing is the one budget that every request keeps to.
      RealtimeClient client = new RealtimeClient(
          access.transport(plan.value().requestsPerSecond(), retry.retries), access.volcengine(), environment.clock());
      if (output.dryRun()) {
        client.signedRequests(plan.value().query()).forEach(r -> RequestPrinter.print(r, environment.out()));
        return ExitCode.OK;
      }
      if (plan.value().watchInterval().isPresent()) {
        return watch(client, plan.value(), environment);
      }
      output.write(RealtimeClient.SCHEMA, sink -> client.fetch(plan.value().query(), sink), environment,
          root.globals().verbose());
      return ExitCode.OK;
    }
  }

  private int watch(RealtimeClient client, RealtimePlan plan, CliEnvironment environment) throws IOException {
    GrowingOutput growing = output.growing(RealtimeClient.SCHEMA, plan.query().window().span(), environment);
    RealtimeWatch watching = new RealtimeWatch(client, environment.clock(), environment.sleeper(), output.zone(),
        notice -> Notices.print(List.of(notice), environment));
    boolean[] readerGone = {false};
    CtrlC.interrupts(() -> {
      try {
        watching.run(plan.query(), plan.watchInterval().orElseThrow(), rows -> {
          growing.append(rows);
          // A PrintStream swallows EPIPE: without this check '--watch | head' would poll for ever.
          if (environment.out().checkError()) {
            throw new ReaderGone();
          }
        });
      } catch (ReaderGone gone) {
        readerGone[0] = true;
        return;
      }
      // Only an interruption ends a watch without a failure; said here, while Ctrl-C's hook still waits for it.
      FailureReporter.report(new InterruptedException(), environment.err(), false);
    });
    return readerGone[0] ? ExitCode.OK : ExitCode.INTERRUPTED;
  }

  /** Whoever read stdout has gone (a closed pipe): the watch has nobody left to print for. */
  private static final class ReaderGone extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Region names for completion. */
  static final class RtcRegions implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("cn-north-1", "ap-singapore-1").iterator();
    }
  }
}
