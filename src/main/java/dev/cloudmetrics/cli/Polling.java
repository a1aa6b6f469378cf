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

  /** --watch: prints each final bucket once until Ctrl-C (130) or until nobody reads stdout (0). */
  static int watch(OutputOptions output, RowSchema schema, Duration span, BucketSource source, Instant first,
      Duration interval, CliEnvironment environment) throws IOException {
    GrowingOutput growing = output.growing(schema, span, environment);
    BucketLoop loop = loop(source, output.zone(), environment);
    Stopped[] stopped = {Stopped.INTERRUPTED};
    CtrlC.interrupts(() -> {
      stopped[0] = loop.run(first, interval, (rows, finalBefore) -> {
        growing.append(rows);
        // A PrintStream swallows EPIPE: without this check '--watch | head' would poll for ever.
        return !environment.out().checkError();
      });
      if (stopped[0] == Stopped.INTERRUPTED) {
        // Said here, while Ctrl-C's hook still waits for the loop.
        FailureReporter.report(new InterruptedException(), environment.err(), false);
      }
    });
    return stopped[0] == Stopped.NOBODY_READING ? ExitCode.OK : ExitCode.INTERRUPTED;
  }

  static BucketLoop loop(BucketSource source, ZoneId zone, CliEnvironment environment) {
    return new BucketLoop(source, environment.clock(), environment.sleeper(), zone,
        notice -> Notices.print(List.of(notice), environment));
  }
}
