package dev.cloudmetrics.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Process entry point: the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(), args));
  }

  /** Runs one command line against the given environment and returns its exit code. */
  public static int run(CliEnvironment environment, String... args) {
    return commandLine(environment).execute(args);
  }

  /** The configured picocli command line, for tests and for the completion generator. */
  public static CommandLine commandLine(CliEnvironment environment) {
    FailureReporter reporter = new FailureReporter(environment.err());
    CommandLine cmd = new CommandLine(new CloudMetricsCommand(environment));
    cmd.setOut(new PrintWriter(environment.out(), true));
    cmd.setErr(new PrintWriter(environment.err(), true));
    cmd.setExecutionExceptionHandler(reporter);
    cmd.setParameterExceptionHandler(reporter);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }
}
