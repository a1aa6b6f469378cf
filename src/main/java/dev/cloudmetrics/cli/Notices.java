package dev.cloudmetrics.cli;

import java.util.List;

/** Prints notices (moved bounds, incomplete buckets) on stderr, one line each, escaped as failures are. */
final class Notices {
  private Notices() {}

  static void print(List<String> notices, CliEnvironment environment) {
    for (String notice : notices) {
      environment.err().println("cloudmetrics: note: " + FailureReporter.shown(notice));
    }
    environment.err().flush();
  }
}
