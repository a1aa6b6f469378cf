package dev.cloudmetrics.cli;

import picocli.CommandLine.Option;

/** --serve ADDR, the same on both query commands (cli.md, "Exporter"). */
final class ServeOptions {
  @Option(names = "--serve", paramLabel = "ADDR",
      description = "Run as a Prometheus exporter on ADDR, HOST:PORT (or just the port after a colon for every "
          + "interface; port 0 picks a free one): poll each bucket once it is final and answer /metrics from "
          + "memory, until SIGTERM or Ctrl-C (exit 0).")
  String address;

  /** Whether --serve was given. */
  boolean serving() {
    return address != null;
  }
}
