package dev.cloudmetrics.cli;

import dev.cloudmetrics.cdn.FetchSettings;
import dev.cloudmetrics.cdn.OnlineUsersClient;
import dev.cloudmetrics.cdn.OnlineUsersQuery;
import dev.cloudmetrics.cdn.OnlineUsersSyncSource;
import dev.cloudmetrics.cdn.PlanProgress;
import dev.cloudmetrics.cdn.RequestPlan;
import dev.cloudmetrics.output.Layout;
import dev.cloudmetrics.output.OutputFormat;
import dev.cloudmetrics.output.RenderOptions;
import dev.cloudmetrics.output.Terminal;
import dev.cloudmetrics.output.TimeFormat;
import dev.cloudmetrics.rtc.RealtimeClient;
import dev.cloudmetrics.rtc.RealtimeQuery;
import dev.cloudmetrics.rtc.RealtimeSyncSource;
import dev.cloudmetrics.sync.SyncRun;
import dev.cloudmetrics.sync.SyncSource;
import dev.cloudmetrics.sync.SyncTable;
import dev.cloudmetrics.time.FinalBuckets;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Hands a --sync run of either command to sync/: its table, its source of rows, its buckets and its first start. */
final class SyncLaunch {
  private SyncLaunch() {}

  static int cdn(String dest, OnlineUsersQuery query, OnlineUsersClient client, FetchSettings fetching,
      Function<RequestPlan, PlanProgress> progress, LatencyOptions latency, OutputOptions output,
      CliEnvironment environment) throws IOException {
    Instant now = environment.clock().instant();
    SyncTable table = SyncTable.cdn(OnlineUsersClient.schema(query.perStream()), query.granularity().minutes(),
        query.perStream(), query.streamUrls(), query.regions().stream().map(Enum::name).toList());
    SyncSource source = new OnlineUsersSyncSource(client, query, now, fetching, progress, output.zone());
    return run(dest, table, source, latency.applyTo(FinalBuckets.cdn(query.granularity().duration())),
        query.window().start(), now, output, environment);
  }

  static int rtc(String dest, RealtimeQuery query, RealtimeClient client, LatencyOptions latency,
      OutputOptions output, CliEnvironment environment) throws IOException {
    Instant now = environment.clock().instant();
    SyncTable table = SyncTable.rtc(RealtimeClient.SCHEMA, query.appIds(), query.indicators());
    return run(dest, table, new RealtimeSyncSource(client, query, now), latency.applyTo(FinalBuckets.rtc()),
        query.window().start(), now, output, environment);
  }

  private static int run(String dest, SyncTable table, SyncSource source, FinalBuckets buckets, Instant backfillStart,
      Instant now, OutputOptions output, CliEnvironment environment) throws IOException {
    SyncRun.run(new SyncRun.Settings(dest, csv(output), environment.variables(), environment.home(),
        SyncRun.LOCK_WAIT, notice -> Notices.print(List.of(notice), environment)), table, source, buckets,
        backfillStart, now);
    return ExitCode.OK;
  }

  /** How a CSV DEST is written: the long layout with the run's time format, zone and byte-order mark. */
  private static RenderOptions csv(OutputOptions output) {
    return new RenderOptions(OutputFormat.CSV, true, output.zone(), Layout.LONG,
        output.timeFormat == null ? TimeFormat.ISO : output.timeFormat, output.bom, false, Terminal.PLAIN);
  }
}
