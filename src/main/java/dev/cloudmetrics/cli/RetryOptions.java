package dev.cloudmetrics.cli;

import dev.cloudmetrics.http.TransportSettings;
import picocli.CommandLine.Option;

/** How hard to try: retries of transient failures (throttling, 5xx, resets, timeouts) and how long one attempt may take. */
final class RetryOptions {
  /** The worst case of the defaults, as --help says it (a test keeps it equal to TransportSettings' sum). */
  static final String WORST_CASE = "2 min 33 s";

  @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
      description = "Retries of a request that failed transiently, with exponential back-off (default 4, at most 10).")
  int retries;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
      description = "Longest one attempt may take, from sending to the last byte of the answer (default 30s, 1s to "
          + "10m). A server that never answers fails after at most (retries + 1) x timeout + back-offs: "
          + WORST_CASE + " with the defaults.")
  String timeout;

  /** The transport's settings for these options and {@code requestsPerSecond} (0: no limit). */
  TransportSettings settings(double requestsPerSecond) {
    return TransportSettings.forUser(timeout, retries, requestsPerSecond);
  }
}
