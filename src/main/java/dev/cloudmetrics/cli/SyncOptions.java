package dev.cloudmetrics.cli;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.output.Layout;
import dev.cloudmetrics.output.OutputFormat;
import dev.cloudmetrics.output.RenderOptions;
import dev.cloudmetrics.output.Terminal;
import dev.cloudmetrics.output.TimeFormat;
import dev.cloudmetrics.sync.SyncRun;
import dev.cloudmetrics.sync.SyncSource;
import dev.cloudmetrics.sync.SyncTable;
import dev.cloudmetrics.time.FinalBuckets;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** --sync DEST: bring a CSV file or a database up to date instead of printing (cli.md, "Repeated runs"). */
final class SyncOptions {
  @Option(names = "--sync", paramLabel = "DEST",
      description = "Bring DEST up to date, for cron: PATH.csv, PATH.db (SQLite; also .sqlite, sqlite:PATH) or "
          + "postgresql://USER@HOST:PORT/DB. The first run starts at --start/--last, later runs where DEST ends; "
          + "only final buckets count as done (see --latency).")
  String dest;

  boolean requested() {
    return dest != null;
  }

  /**
   * Runs the sync: refuses the options it does not go with (nothing sent), then brings DEST up to date.
   *
   * @param end --end as typed: a sync always runs up to now
   */
  int run(SyncTable table, SyncSource source, FinalBuckets buckets, Instant backfillStart, Instant now,
      OutputOptions output, Optional<String> end, CliEnvironment environment) throws IOException {
    refuseWith(output.output != null, "--output '" + output.output + "'", "DEST is where the rows go");
    refuseWith(output.layout == Layout.WIDE, "--layout wide", "DEST holds the long layout");
    refuseWith(output.dryRun(), "--dry-run", "a sync reads DEST to know what to send");
    refuseWith(end.isPresent(), "--end '" + end.orElse("") + "'", "a sync runs up to now; --start or --last say "
        + "where its first run begins");
    SyncRun.run(new SyncRun.Settings(dest, csv(output), environment.variables(), environment.home(),
        SyncRun.LOCK_WAIT, notice -> Notices.print(List.of(notice), environment)), table, source, buckets,
        backfillStart, now);
    return ExitCode.OK;
  }

  private void refuseWith(boolean conflict, String option, String why) {
    if (conflict) {
      throw new InvalidInputException(option + " cannot be combined with --sync '" + dest + "': " + why);
    }
  }

  /** How a CSV DEST is written: the long layout with the run's time format, zone and byte-order mark. */
  private static RenderOptions csv(OutputOptions output) {
    return new RenderOptions(OutputFormat.CSV, true, output.zone(), Layout.LONG,
        output.timeFormat == null ? TimeFormat.ISO : output.timeFormat, output.bom, false, Terminal.PLAIN);
  }
}
