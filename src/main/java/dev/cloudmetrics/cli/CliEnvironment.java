package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.CheckedStream;
import dev.cloudmetrics.time.Sleeper;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
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
        // Not System.out: it hides why a write failed, which decides between exit 5 and a quiet end.
        CheckedStream.stdout(new FileOutputStream(FileDescriptor.out),
            Charset.forName(System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name()))),
        System.err,
        System.in,
        TerminalStreams.system(),
        home(System.getenv("HOME"), System.getProperty("user.home")),
        Sleeper.real());
  }

  /**
   * $HOME as shells and other CLIs take it (a test, sudo -H or a container may set it), else the
   * JVM's user.home, which comes from the password file; a relative $HOME is no home.
   */
  static Path home(String variable, String userHome) {
    return variable != null && variable.startsWith("/") ? Path.of(variable) : Path.of(userHome);
  }
}
