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
  private byte[] stdin = new byte[0];
  private TerminalStreams terminal = TerminalStreams.NONE;

  CliRun(Clock clock, Map<String, String> variables, Path home) {
    this.clock = clock;
    this.variables = variables;
    this.home = home;
  }

  CliRun withStdin(String text) {
    this.stdin = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** Stdin as raw bytes, which need not be UTF-8. */
  CliRun withStdinBytes(byte[] bytes) {
    this.stdin = bytes.clone();
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
        new ByteArrayInputStream(stdin), terminal, home, Sleeper.real());
    int code = Main.run(environment, args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
