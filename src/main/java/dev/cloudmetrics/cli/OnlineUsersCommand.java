package dev.cloudmetrics.cli;

import dev.cloudmetrics.cdn.FetchSettings;
import dev.cloudmetrics.cdn.OnlineUsersArgs;
import dev.cloudmetrics.cdn.OnlineUsersClient;
import dev.cloudmetrics.cdn.OnlineUsersQueries;
import dev.cloudmetrics.cdn.OnlineUsersQuery;
import dev.cloudmetrics.cdn.OnlineUsersSource;
import dev.cloudmetrics.cdn.PlanPrinter;
import dev.cloudmetrics.cdn.PlanProgress;
import dev.cloudmetrics.cdn.RequestPlan;
import dev.cloudmetrics.cdn.ResumeAdvice;
import dev.cloudmetrics.cdn.StreamUrls;
import dev.cloudmetrics.cdn.TopStreams;
import dev.cloudmetrics.cdn.TopStreamsLister;
import dev.cloudmetrics.discovery.DiscoveryDryRun;
import dev.cloudmetrics.discovery.DiscoveryInterval;
import dev.cloudmetrics.discovery.RefreshedList;
import dev.cloudmetrics.failure.BoundedInput;
import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.Validated;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.output.HeldRows;
import dev.cloudmetrics.output.Layout;
import dev.cloudmetrics.output.RenderOptions;
import dev.cloudmetrics.time.FinalBuckets;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

/** {@code cdn online-users}: peak concurrent viewers of live streams per bucket. */
@Command(
    name = "online-users",
    header = "Peak concurrent viewers of live streams, merged or per stream and region.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Peak concurrent viewers of live streams (Kingsoft Cloud GetLiveOnlineUserDataByStream),",
      "merged over all streams and regions, or --per-stream per stream and billing region.",
      "CSV columns: time,online_users (merged) or time,stream_url,region,online_users (--per-stream)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cloudmetrics cdn online-users -s rtmp://live.example.com/app/s1 --last 2h",
      "  cloudmetrics cdn online-users --streams-file streams.txt --per-stream \\",
      "      --regions CN,HK -g 1h -f csv",
      "  cloudmetrics cdn online-users -s rtmp://a/live/x -g 1d \\",
      "      --start 2024-05-20T00:00+08:00 --end 2024-05-21T00:00+08:00",
      "  cloudmetrics cdn online-users --streams-file streams.txt --per-stream \\",
      "      -g 1m --last 30d -o month.csv",
      "  cloudmetrics --sandbox cdn online-users -s rtmp://demo.example/live/a",
      "  cloudmetrics cdn online-users --top 20 --per-stream --last 2h",
      "  cloudmetrics cdn online-users --top 500 --domain-ids all -f csv",
      "",
      "Limits of the API: the last 62 days, data 3-8 minutes late, and per request",
      "at most 7 days and 10000 data points (regions x streams x minutes /",
      "granularity). A longer window or more streams are cut into several requests",
      "on bucket boundaries and put back together in order; --dry-run shows the plan.",
      "",
      "--top N asks KSYun GetLiveTopOnlineUserData for the N streams with the most",
      "viewers in the latest final minute (8 minutes ago), then queries them with",
      "GetLiveOnlineUserDataByStream; --domain-ids all first lists the live domains",
      "with GetCdnDomains and asks once per domain (for more than 200 streams)."
    })
final class OnlineUsersCommand implements Callable<Integer> {
  /** A hundred thousand URLs and their comments: a streams file past this is not one (it may be /dev/zero). */
  private static final long MAX_STREAMS_FILE_BYTES = 16L << 20;

  @Spec CommandSpec spec;

  @Option(names = {"-s", "--stream"}, paramLabel = "URL",
      description = "Pull URL of a live stream; repeat or separate with commas. Query strings and an HLS /index.m3u8 suffix are removed.")
  List<String> streams = new ArrayList<>();

  @Option(names = "--streams-file", paramLabel = "FILE",
      description = "Read stream URLs from FILE, one a line (- for stdin); blank lines and # comments are ignored.")
  String streamsFile;

  @Option(names = "--regions", paramLabel = "CODE[,CODE...]", completionCandidates = Regions.class,
      description = "Billing regions: CN, HK, AS, NA, SA, EU, AU, AF, TW (default CN).")
  List<String> regions = new ArrayList<>();

  @Option(names = "--top", paramLabel = "N",
      description = "Also query the N streams with the most viewers a few minutes ago, listed by KSYun "
          + "GetLiveTopOnlineUserData (1-200; more with --domain-ids).")
  String top;

  @Option(names = "--domain-ids", paramLabel = "all|ID[,ID...]",
      description = "With --top: one GetLiveTopOnlineUserData call per domain, for all live domains (listed by "
          + "GetCdnDomains) or those named; up to 200 streams each.")
  String domainIds;

  @Option(names = "--discover-every", paramLabel = "DURATION", defaultValue = "10m",
      description = "With --top and --watch or --serve: list the streams again this often, 1m to 1d (default 10m); "
          + "each --sync run lists them afresh.")
  String discoverEvery;

  @Option(names = {"-g", "--granularity"}, paramLabel = "G", completionCandidates = Granularities.class,
      description = "Bucket size: 1, 5, 10, 20, 60, 240, 480, 1440 minutes or 1m 5m 10m 20m 1h 4h 8h 1d (default 5).")
  String granularity;

  @Option(names = "--per-stream", description = "One series per stream and region (ResultType 1) instead of one merged series.")
  boolean perStream;

  @Option(names = "--result-type", paramLabel = "0|1",
      description = "The API's ResultType directly: 0 merged (default), 1 per stream (same as --per-stream).")
  String resultType;

  @Mixin WindowOptions.OnlineUsers window;

  @Option(names = "--include-incomplete",
      description = "Keep the buckets that ended within the last 8 minutes, whose values may still grow (CDN data "
          + "arrives 3-8 minutes late).")
  boolean includeIncomplete;

  @Option(names = "--signing-region", paramLabel = "REGION", defaultValue = "cn-shanghai-1",
      description = "Region of the signature's credential scope (default cn-shanghai-1).")
  String signingRegion;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Base URL instead of https://cdn.api.ksyun.com, e.g. http://127.0.0.1:8080.")
  String endpoint;

  @Option(names = "--watch",
      description = "Keep going: after the window, print each bucket once when it is final (8 minutes after its end, "
          + "or --latency), polling every --interval; Ctrl-C ends it (exit 130).")
  boolean watch;

  @Option(names = "--interval", paramLabel = "DURATION",
      description = "Least time between polls of --watch: the granularity (the default) to 1d; polls are timed just "
          + "after a bucket turns final.")
  String interval;

  @Mixin ServeOptions serve;

  @Mixin LatencyOptions latency;

  @Mixin OutputOptions output;

  @Mixin RetryOptions retry;

  @Mixin SyncOptions sync;


  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
      description = "Requests in flight at once when the window takes several (default 4, at most 64).")
  String concurrency;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "5",
      description = "At most R requests per second, retries included (default 5; decimals allowed).")
  String rate;

  @Override
  public Integer call() throws Exception {
    CloudMetricsCommand root = (CloudMetricsCommand) spec.root().userObject();
    CliEnvironment environment = root.environment();
    FetchSettings fetching = FetchSettings.parse(concurrency, rate);
    Optional<TopStreams> topStreams = TopStreams.parse(Optional.ofNullable(top), Optional.ofNullable(domainIds));
    DiscoveryInterval.parse(discoverEvery);
    List<String> fromFile = streamsFile == null ? List.of() : readStreamsFile(environment);
    try (ServiceAccess access = root.serviceAccess()) {
      Optional<String> target = access.sandboxEndpoint().map(Object::toString).or(() -> Optional.ofNullable(endpoint));
      OnlineUsersArgs args = new OnlineUsersArgs(streams, fromFile, regions, Optional.ofNullable(granularity),
          perStream, Optional.ofNullable(resultType), window.start(), window.end(), window.last(),
          signingRegion, target, output.zone(), includeIncomplete || watch || serve.serving());
      // A watch and the exporter keep to final buckets themselves: their first window may hold none yet.
      Validated<OnlineUsersQuery> query = topStreams.isPresent()
          ? OnlineUsersQueries.discovering(args, environment.clock().instant())
          : OnlineUsersQueries.from(args, environment.clock().instant());
      OnlineUsersQuery first = query.value();
      FinalBuckets buckets = latency.applyTo(FinalBuckets.cdn(first.granularity().duration()));
      Notices.print(query.notices(), environment);
      Notices.print(output.notices(environment), environment);
      if (spec.commandLine().getParseResult().hasMatchedOption("--discover-every")
          && !(topStreams.isPresent() && (watch || serve.serving()))) {
        // Each --sync run lists the streams afresh; --watch and --serve list them again every --discover-every.
        Notices.print(List.of("--discover-every does nothing without --top and --watch or --serve: the streams are "
            + "listed once"), environment);
      }
      Duration rediscovery = DiscoveryInterval.parse(discoverEvery);
      if (serve.serving() && !output.dryRun()) {
        return Serving.serve(serve.address, watch, OnlineUsersClient.schema(first.perStream()), buckets.size(),
            "cdn", observed -> {
              HttpTransport transport = access.transport(fetching.requestsPerSecond(), retry, observed);
              OnlineUsersClient client = new OnlineUsersClient(transport, access.ksyun(), environment.clock());
              Optional<TopStreamsLister> lister = lister(topStreams, transport, access, first, environment);
              List<String> discovered = lister.map(TopStreamsLister::list).orElse(List.of());
              OnlineUsersQuery asked = first.withStreams(discovered);
              return new OnlineUsersSource(client, asked, buckets, fetching, output.zone(),
                  followed(lister, first, asked, discovered, rediscovery, environment));
            }, first.window().start(), output.zone(), environment);
      }
      HttpTransport transport = access.transport(fetching.requestsPerSecond(), retry);
      OnlineUsersClient client = new OnlineUsersClient(transport, access.ksyun(), environment.clock());
      Optional<TopStreamsLister> lister = lister(topStreams, transport, access, first, environment);
      if (output.dryRun() && lister.isPresent()) {
        DiscoveryDryRun.printTopListing(lister.get().steps(), lister.get().signedFirstRequest(), environment.out());
        return ExitCode.OK;
      }
      List<String> discovered = lister.map(TopStreamsLister::list).orElse(List.of());
      OnlineUsersQuery asked = first.withStreams(discovered);
      if (asked.streamUrls().isEmpty() && !watch) {
        Notices.print(List.of("no stream had viewers in the minute GetLiveTopOnlineUserData was asked for: "
            + "there is nothing to query"), environment);
        output.write(OnlineUsersClient.schema(asked.perStream()), sink -> { }, environment, root.globals().verbose());
        return ExitCode.OK;
      }
      if (sync.requested() && !output.dryRun()) {
        return sync.cdn(asked, client, fetching, planned -> progress(planned, root.globals(), environment), latency,
            output, window.end(), environment);
      }
      if (watch && !output.dryRun()) {
        Duration every = OnlineUsersSource.watchInterval(args, Optional.ofNullable(interval), first.granularity());
        return Polling.watch(output, OnlineUsersClient.schema(first.perStream()), first.window().span(),
            new OnlineUsersSource(client, asked, buckets, fetching, output.zone(),
                followed(lister, first, asked, discovered, rediscovery, environment)),
            first.window().start(), every, environment);
      }
      RequestPlan plan = OnlineUsersClient.plan(asked);
      if (output.dryRun()) {
        PlanPrinter.print(plan, output.zone(), client.signedRequest(plan, plan.requests().get(0)), environment.out());
        return ExitCode.OK;
      }
      HeldRows.requireRoomFor(plan.rows(), output.renderOptions(environment));
      PlanProgress progress = progress(plan, root.globals(), environment);
      ResumeAdvice advice = new ResumeAdvice(output.zone(), output.toStdout());
      return output.write(OnlineUsersClient.schema(asked.perStream()),
          sink -> client.fetch(plan, sink, fetching, progress, advice), environment,
          root.globals().verbose());
    }
  }

  private static Optional<TopStreamsLister> lister(Optional<TopStreams> topStreams, HttpTransport transport,
      ServiceAccess access, OnlineUsersQuery first, CliEnvironment environment) {
    return topStreams.map(wanted -> new TopStreamsLister(transport, access.ksyun(), environment.clock(), first, wanted,
        notice -> Notices.print(List.of(notice), environment)));
  }

  /**
   * The streams to poll: those named, with --top's list added and listed again every --discover-every.
   * Only the listed ones are compared between listings: a stream named by -s is never "gone".
   */
  private Supplier<List<String>> followed(Optional<TopStreamsLister> lister, OnlineUsersQuery first,
      OnlineUsersQuery asked, List<String> discovered, Duration rediscovery, CliEnvironment environment) {
    if (lister.isEmpty()) {
      return asked::streamUrls;
    }
    RefreshedList top = new RefreshedList("streams", lister.get()::list, rediscovery, discovered,
        environment.clock().instant(), environment.clock(), output.zone(),
        notice -> Notices.print(List.of(notice), environment));
    return () -> first.withStreams(top.current()).streamUrls();
  }

  /**
   * A bar on a terminal, lines with --verbose, else nothing (cron mail stays clean). Rows streaming
   * to the same terminal would tear a bar apart, and show how far the run is themselves.
   */
  private PlanProgress progress(RequestPlan plan, GlobalSettings globals, CliEnvironment environment) {
    if (plan.size() < 2) {
      return PlanProgress.none();
    }
    if (globals.verbose() || globals.debug()) {
      return ProgressLine.inLog(environment.err(), System::nanoTime);
    }
    boolean rowsOnTerminal = !sync.requested() && output.toStdout() && environment.terminal().stdout()
        && streamsRows(output.renderOptions(environment));
    return environment.terminal().stderr() && !rowsOnTerminal
        ? ProgressLine.onTerminal(environment.err(), System::nanoTime) : PlanProgress.none();
  }

  /** Whether a format writes each row as it comes, rather than all of them at the end. */
  private static boolean streamsRows(RenderOptions rendering) {
    return switch (rendering.format()) {
      case CSV -> rendering.layout() == Layout.LONG;
      case JSON, NDJSON, INFLUX -> true;
      case TABLE, CHART, PROMETHEUS -> false;
    };
  }

  private List<String> readStreamsFile(CliEnvironment environment) {
    try (Reader reader = BoundedInput.replacingReader("-".equals(streamsFile) ? environment.in()
        : Files.newInputStream(Path.of(streamsFile)), MAX_STREAMS_FILE_BYTES, "--streams-file '" + streamsFile + "'")) {
      List<String> urls = StreamUrls.parseList(reader);
      if (urls.isEmpty() && streams.isEmpty()) {
        throw new InvalidInputException("RequiresInputValue", "--streams-file '" + streamsFile
            + "': no stream URL in it (one a line; blank lines and # comments are skipped)");
      }
      return urls;
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("--streams-file '" + streamsFile + "': cannot read it: no such file");
    } catch (AccessDeniedException e) {
      throw new InvalidInputException("--streams-file '" + streamsFile + "': cannot read it: permission denied");
    } catch (IOException e) {
      throw new InvalidInputException("--streams-file '" + streamsFile + "': cannot read it ("
          + (Files.isDirectory(Path.of(streamsFile)) ? "a directory" : e.getMessage()) + ")");
    }
  }

  /** Billing region codes, for completion. */
  static final class Regions implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("CN", "HK", "AS", "NA", "SA", "EU", "AU", "AF", "TW").iterator();
    }
  }

  /** Granularities, for completion. */
  static final class Granularities implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("1m", "5m", "10m", "20m", "1h", "4h", "8h", "1d").iterator();
    }
  }
}
