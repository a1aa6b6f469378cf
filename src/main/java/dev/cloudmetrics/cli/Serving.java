package dev.cloudmetrics.cli;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.http.RequestLog;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.schedule.BucketLoop;
import dev.cloudmetrics.schedule.BucketSource;
import dev.cloudmetrics.serve.Exporter;
import dev.cloudmetrics.serve.ServeAddress;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * --serve of both query commands. A class of its own so that the Prometheus client is loaded only
 * when --serve is given (StartupTest).
 */
final class Serving {
  private Serving() {}

  /**
   * --serve: listens (a busy port is exit 2 with nothing sent), says where on stderr, then polls for
   * the exporter until SIGTERM or Ctrl-C, which end it with exit 0.
   *
   * @param sourceFor the API's source, given how the exporter observes the transport's log
   */
  static int serve(String address, boolean watch, RowSchema schema, Duration bucket, String api,
      Function<UnaryOperator<RequestLog>, BucketSource> sourceFor, Instant first, ZoneId zone,
      CliEnvironment environment) throws IOException {
    if (watch) {
      throw new InvalidInputException("--serve '" + address + "' cannot be combined with --watch: the exporter "
          + "serves the final buckets, --watch prints them; run two commands for both");
    }
    try (Exporter exporter = Exporter.listen(ServeAddress.parse(address), schema, bucket, api, environment.clock())) {
      BucketSource source = sourceFor.apply(exporter::requestLog);
      environment.err().println("cloudmetrics: serving " + exporter.url());
      BucketLoop loop = Polling.loop(source, zone, environment);
      CtrlC.stops(() -> exporter.run(loop, first, bucket), environment.err());
      return ExitCode.OK;
    }
  }
}
