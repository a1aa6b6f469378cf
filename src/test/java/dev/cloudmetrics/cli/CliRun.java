package dev.cloudmetrics.cli;

import dev.cloudmetrics.time.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs the real command line with captured streams, the way a user's shell would. */
final class CliRun {
  /** What one run left behind: exit code, stdout and stderr. */
  record Result(int exitCode, String out, String err) {}

  private final Clock clock;
  private final Map<String, String> variables;
  private final Path home;
  private String stdin = "";
  private TerminalStreams terminal = TerminalStreams.NONE;

  CliRun(Clock clock, Map<String, String> variables, Path home) {
    this.clock = clock;
    this.variables = variables;
    this.home = home;
  }

  CliRun withStdin(String text) {
    this.stdin = text;
    return this;
  }

  /** Which standard streams the run takes for a terminal, and its size. */
  CliRun withTerminal(TerminalStreams streams) {
    this.terminal = streams;
    return this;
  }

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment = new CliEnvironment(clock, variables,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, home, Sleeper.real());
    int code = Main.run(environment, args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
