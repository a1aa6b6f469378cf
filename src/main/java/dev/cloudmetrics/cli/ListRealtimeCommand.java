package dev.cloudmetrics.cli;

import dev.cloudmetrics.discovery.DiscoveryDryRun;
import dev.cloudmetrics.discovery.DiscoveryInterval;
import dev.cloudmetrics.discovery.RefreshedList;
import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.Validated;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.http.RequestPrinter;
import dev.cloudmetrics.rtc.AppLister;
import dev.cloudmetrics.rtc.AppSelection;
import dev.cloudmetrics.rtc.RealtimeArgs;
import dev.cloudmetrics.rtc.RealtimeClient;
import dev.cloudmetrics.rtc.RealtimePlan;
import dev.cloudmetrics.rtc.RealtimePlans;
import dev.cloudmetrics.rtc.RealtimeQueries;
import dev.cloudmetrics.rtc.RealtimeQuery;
import dev.cloudmetrics.rtc.RealtimeSource;
import dev.cloudmetrics.time.FinalBuckets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
      "  cloudmetrics rtc list-realtime --app-id all --watch --discover-every 30m",
      "",
      "Limits of the API: start at most 60 minutes ago, span at most 60 minutes,",
      "data 20 s late, 2 requests per second per account (the tool keeps to that,",
      "--rate changes it). A window ending now leaves out the buckets still",
      "incomplete (whose end is not 20 s ago yet).",
      "",
      "--app-id all calls RTC ListApps (2023-11-01, at rtc.volcengineapi.com, also",
      "with --region ap-singapore-1), then ListRealTimeOperationData once per app,",
      "all within the one 2 requests per second. The apps' keys are never shown."
    })
final class ListRealtimeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--app-id", required = true, paramLabel = "ID",
      description = "RTC application id; repeat it or separate with commas for several apps; 'all' for every app "
          + "of the account, listed by RTC ListApps (not combined with ids).")
  List<String> appIds = new ArrayList<>();

  @Option(names = {"-i", "--indicator"}, paramLabel = "NAME", completionCandidates = Indicators.class,
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

  @Mixin ServeOptions serve;

  @Mixin LatencyOptions latency;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "2",
      description = "At most R requests per second, every request of the run counted, retries included "
          + "(default 2, the API's documented ceiling; decimals allowed).")
  String rate;

  @Option(names = "--discover-every", paramLabel = "DURATION", defaultValue = "10m",
      description = "With --app-id all and --watch or --serve: list the apps again (ListApps) this often, 1m to 1d "
          + "(default 10m); a new app appears from its next bucket, a deleted one stops.")
  String discoverEvery;

  @Mixin OutputOptions output;

  @Mixin RetryOptions retry;

  @Mixin SyncOptions sync;


  @Override
  public Integer call() throws Exception {
    CloudMetricsCommand root = (CloudMetricsCommand) spec.root().userObject();
    CliEnvironment environment = root.environment();
    try (ServiceAccess access = root.serviceAccess()) {
      Optional<String> target = access.sandboxEndpoint().map(Object::toString).or(() -> Optional.ofNullable(endpoint));
      AppSelection apps = AppSelection.of(appIds);
      Duration rediscovery = DiscoveryInterval.parse(discoverEvery);
      RealtimeArgs args = new RealtimeArgs(appIds, indicators, window.start(), window.end(), window.last(),
          region, target, output.zone(), includeIncomplete, watch, interval, rate);
      Validated<RealtimePlan> plan = RealtimePlans.from(args, environment.clock().instant());
      FinalBuckets buckets = latency.applyTo(FinalBuckets.rtc());
      Notices.print(plan.notices(), environment);
      Notices.print(output.notices(environment), environment);
      if (!watch && spec.commandLine().getParseResult().hasMatchedOption("--interval")) {
        Notices.print(List.of("--interval does nothing without --watch"), environment);
      }
      if (spec.commandLine().getParseResult().hasMatchedOption("--discover-every")
          && !(apps.all() && (watch || serve.serving()))) {
        Notices.print(List.of("--discover-every does nothing without --app-id all and --watch or --serve"), environment);
      }
      if (sync.requested() && watch) {
        throw new InvalidInputException("--watch cannot be combined with --sync '" + sync.dest
            + "': run --sync from cron, each run brings DEST up to date");
      }
      RealtimeQuery first = plan.value().query();
      if (serve.serving() && !output.dryRun()) {
        // One transport for the whole run: its pacing is the one budget that every request keeps to.
        return Serving.serve(serve.address, watch, RealtimeClient.SCHEMA, buckets.size(), "rtc", observed -> {
          HttpTransport transport = access.transport(plan.value().requestsPerSecond(), retry, observed);
          RealtimeClient client = new RealtimeClient(transport, access.volcengine(), environment.clock());
          Optional<AppLister> lister = lister(apps, transport, access, first, environment);
          RealtimeQuery query = lister.map(l -> first.withApps(l.list())).orElse(first);
          return new RealtimeSource(client, query, buckets, followed(lister, query, rediscovery, environment));
        }, first.window().start(), output.zone(), environment);
      }
      // One transport for the whole run: its pacing is the one budget that every request keeps to.
      HttpTransport transport = access.transport(plan.value().requestsPerSecond(), retry);
      RealtimeClient client = new RealtimeClient(transport, access.volcengine(), environment.clock());
      Optional<AppLister> lister = lister(apps, transport, access, first, environment);
      if (output.dryRun()) {
        if (lister.isPresent()) {
          DiscoveryDryRun.printAppListing(lister.get().signedFirstRequest(), environment.out());
          return ExitCode.OK;
        }
        client.signedRequests(first).forEach(r -> RequestPrinter.print(r, environment.out()));
        return ExitCode.OK;
      }
      RealtimeQuery query = lister.map(l -> first.withApps(l.list())).orElse(first);
      if (lister.isPresent() && query.appIds().isEmpty()) {
        Notices.print(List.of("ListApps listed no app: there is nothing to ask for"), environment);
      }
      if (sync.requested()) {
        return sync.rtc(query, client, latency, output, window.end(), environment);
      }
      if (plan.value().watchInterval().isPresent()) {
        return Polling.watch(output, RealtimeClient.SCHEMA, query.window().span(),
            new RealtimeSource(client, query, buckets, followed(lister, query, rediscovery, environment)),
            query.window().start(), plan.value().watchInterval().get(), environment);
      }
      return output.write(RealtimeClient.SCHEMA, sink -> client.fetch(query, sink), environment,
          root.globals().verbose());
    }
  }

  private static Optional<AppLister> lister(AppSelection apps, HttpTransport transport, ServiceAccess access,
      RealtimeQuery first, CliEnvironment environment) {
    return apps.all() ? Optional.of(new AppLister(transport, access.volcengine(), environment.clock(), first))
        : Optional.empty();
  }

  /** The apps to poll: those named, or --app-id all's list, listed again every --discover-every. */
  private Supplier<List<String>> followed(Optional<AppLister> lister, RealtimeQuery query, Duration rediscovery,
      CliEnvironment environment) {
    if (lister.isEmpty()) {
      return query::appIds;
    }
    return new RefreshedList("apps", lister.get()::list, rediscovery, query.appIds(), environment.clock().instant(),
        environment.clock(), output.zone(), notice -> Notices.print(List.of(notice), environment))::current;
  }

  /** The documented indicators, for completion. */
  static final class Indicators implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return RealtimeQueries.KNOWN_INDICATORS.iterator();
    }
  }

  /** Region names for completion. */
  static final class RtcRegions implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("cn-north-1", "ap-singapore-1").iterator();
    }
  }
}
