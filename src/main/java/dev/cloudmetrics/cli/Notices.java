package dev.cloudmetrics.cli;

import java.util.List;

/** Prints validation notices (moved bounds, incomplete buckets) on stderr, one line each. */
final class Notices {
  private Notices() {}

  static void print(List<String> notices, CliEnvironment environment) {
    for (String notice : notices) {
      environment.err().println("cloudmetrics: note: " + notice);
    }
    environment.err().flush();
  }
}
