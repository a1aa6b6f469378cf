package dev.cloudmetrics.cli;

import dev.cloudmetrics.time.Sleeper;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything the commands take from the process: clock, environment variables, streams, which of
 * them is a terminal (and its size), the home directory, and how to wait (between --watch polls).
 * Tests hand in their own; {@link #system()} is the real one.
 */
public record CliEnvironment(
    Clock clock,
    Map<String, String> variables,
    PrintStream out,
    PrintStream err,
    InputStream in,
    TerminalStreams terminal,
    Path home,
    Sleeper sleeper) {

  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  /** An environment whose waits really wait. */
  public CliEnvironment(Clock clock, Map<String, String> variables, PrintStream out, PrintStream err, InputStream in,
      boolean interactive, Path home) {
    this(clock, variables, out, err, in, interactive, home, Sleeper.real());
  }

  /** All three streams on a terminal of unknown size, or none. */
  public CliEnvironment(Clock clock, Map<String, String> variables, PrintStream out, PrintStream err, InputStream in,
      boolean interactive, Path home, Sleeper sleeper) {
    this(clock, variables, out, err, in, interactive ? TerminalStreams.ALL : TerminalStreams.NONE, home, sleeper);
  }

  public static CliEnvironment system() {
    return new CliEnvironment(
        Clock.systemUTC(),
        System.getenv(),
        System.out,
        System.err,
        System.in,
        TerminalStreams.system(),
        Path.of(System.getProperty("user.home")),
        Sleeper.real());
  }
}
