package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.GrowingOutput;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.schedule.BucketLoop;
import dev.cloudmetrics.schedule.BucketSource;
import dev.cloudmetrics.schedule.Stopped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** --watch of both query commands: the final buckets of the one {@link BucketLoop} printed as they come. */
final class Polling {
  private Polling() {}

  /**
   * --watch: prints each final bucket once until Ctrl-C (130); a reader of stdout that has gone
   * ends it quietly (the output layer's closed-pipe failure, which FailureReporter reads as 0).
   */
  static int watch(OutputOptions output, RowSchema schema, Duration span, BucketSource source, Instant first,
      Duration interval, CliEnvironment environment) throws IOException {
    BucketLoop loop = loop(source, output.zone(), environment);
    Stopped[] stopped = {Stopped.INTERRUPTED};
    int code;
    try (GrowingOutput growing = output.growing(schema, span, environment)) {
      code = CtrlC.interrupts(() -> stopped[0] = loop.run(first, interval, (rows, finalBefore) -> {
        growing.append(rows);
        return true;
      }), environment.err());
    }
    if (stopped[0] == Stopped.NOBODY_READING) {
      return ExitCode.OK;
    }
    // Only an interruption ends a watch without a failure; one that came without a signal is said here.
    return code == ExitCode.OK ? FailureReporter.report(new InterruptedException(), environment.err(), false) : code;
  }

  static BucketLoop loop(BucketSource source, ZoneId zone, CliEnvironment environment) {
    return new BucketLoop(source, environment.clock(), environment.sleeper(), zone,
        notice -> Notices.print(List.of(notice), environment));
  }
}
