package dev.cloudmetrics.cli;

import dev.cloudmetrics.cdn.FetchSettings;
import dev.cloudmetrics.cdn.OnlineUsersClient;
import dev.cloudmetrics.cdn.OnlineUsersQuery;
import dev.cloudmetrics.cdn.PlanProgress;
import dev.cloudmetrics.cdn.RequestPlan;
import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.output.Layout;
import dev.cloudmetrics.rtc.RealtimeClient;
import dev.cloudmetrics.rtc.RealtimeQuery;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * --sync DEST: bring a CSV file or a database up to date instead of printing (cli.md, "Repeated
 * runs"). The run itself is in {@link SyncLaunch}, a class loaded only when --sync is given, so
 * that no other run loads anything of sync/ or JDBC.
 */
final class SyncOptions {
  @Option(names = "--sync", paramLabel = "DEST",
      description = "Bring DEST up to date, for cron: PATH.csv, PATH.db (SQLite; also .sqlite, sqlite:PATH) or "
          + "postgresql://USER@HOST:PORT/DB. The first run starts at --start/--last, later runs where DEST ends; "
          + "only final buckets count as done (see --latency).")
  String dest;

  boolean requested() {
    return dest != null;
  }

  /** Syncs a CDN query's streams into DEST; {@code end} is --end as typed (refused: a sync runs up to now). */
  int cdn(OnlineUsersQuery query, OnlineUsersClient client, FetchSettings fetching,
      Function<RequestPlan, PlanProgress> progress, LatencyOptions latency, OutputOptions output, Optional<String> end,
      CliEnvironment environment) throws IOException {
    refuseConflicts(output, end);
    return SyncLaunch.cdn(dest, query, client, fetching, progress, latency, output, environment);
  }

  /** Syncs an RTC query's apps and indicators into DEST. */
  int rtc(RealtimeQuery query, RealtimeClient client, LatencyOptions latency, OutputOptions output,
      Optional<String> end, CliEnvironment environment) throws IOException {
    refuseConflicts(output, end);
    return SyncLaunch.rtc(dest, query, client, latency, output, environment);
  }

  /** The options --sync does not go with, refused before anything is sent. */
  private void refuseConflicts(OutputOptions output, Optional<String> end) {
    refuseWith(output.output != null, "--output '" + output.output + "'", "DEST is where the rows go");
    refuseWith(output.layout == Layout.WIDE, "--layout wide", "DEST holds the long layout");
    refuseWith(output.dryRun(), "--dry-run", "a sync reads DEST to know what to send");
    refuseWith(end.isPresent(), "--end '" + end.orElse("") + "'", "a sync runs up to now; --start or --last say "
        + "where its first run begins");
  }

  private void refuseWith(boolean conflict, String option, String why) {
    if (conflict) {
      throw new InvalidInputException(option + " cannot be combined with --sync '" + dest + "': " + why);
    }
  }
}
