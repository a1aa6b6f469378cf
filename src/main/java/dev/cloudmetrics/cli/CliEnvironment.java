package dev.cloudmetrics.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything the commands take from the process: clock, environment variables, streams, whether
 * stdout is a terminal, the home directory. Tests hand in their own; {@link #system()} is the real one.
 */
public record CliEnvironment(
    Clock clock,
    Map<String, String> variables,
    PrintStream out,
    PrintStream err,
    InputStream in,
    boolean interactive,
    Path home) {

  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  public static CliEnvironment system() {
    return new CliEnvironment(
        Clock.systemUTC(),
        System.getenv(),
        System.out,
        System.err,
        System.in,
        System.console() != null,
        Path.of(System.getProperty("user.home")));
  }
}
