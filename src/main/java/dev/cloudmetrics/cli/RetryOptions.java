package dev.cloudmetrics.cli;

import picocli.CommandLine.Option;

/** How hard to try: retries of transient failures (throttling, 5xx, resets, timeouts). */
final class RetryOptions {
  @Option(names = "--retries", paramLabel = "N", defaultValue = "4",
      description = "Retries of a request that failed transiently, with exponential back-off (default 4).")
  int retries;
}
