package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.ConfigSelection;
import dev.cloudmetrics.failure.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/** Process entry point: the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(CliEnvironment.system(), args);
    releaseSelectorThreads();
    System.exit(code);
  }

  /**
   * The JVM waits up to 300 ms at exit for threads blocked in native code, and JDK 17's HttpClient
   * leaves its selector thread in epoll_wait with no way to close the client. Interrupting that
   * thread wakes its selector and ends its loop, so a 200 ms command is not held up by 300 ms more.
   */
  private static void releaseSelectorThreads() {
    Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("HttpClient-") && thread.getName().endsWith("-SelectorManager"))
        .forEach(thread -> {
          thread.interrupt();
          try {
            thread.join(50);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /**
   * Runs one command line against the given environment and returns its exit code. The selected
   * profile of the config file supplies the defaults of options the command line leaves out.
   */
  public static int run(CliEnvironment environment, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Cron and scripts ask this alone: answer before picocli reflects over every command (most of the start-up).
      return printVersion(environment);
    }
    CommandLine cmd = commandLine(environment);
    ProfileDefaults defaults;
    try {
      defaults = ProfileDefaults.load(selection(environment, args));
    } catch (InvalidInputException e) {
      return FailureReporter.report(e, environment.err(), false);
    }
    defaults.warnings(cmd).forEach(warning -> environment.err().println("cloudmetrics: warning: " + warning));
    FailureReporter reporter = new FailureReporter(environment.err());
    cmd.setDefaultValueProvider(defaults);
    cmd.setHelpFactory(new ProfileDefaultsHelp());
    cmd.setParameterExceptionHandler((e, rest) -> reporter.handleParseException(defaults.explain(e), rest));
    return cmd.execute(args);
  }

  private static int printVersion(CliEnvironment environment) {
    for (String line : new VersionProvider().getVersion()) {
      environment.out().println(line);
    }
    environment.out().flush();
    return ExitCode.OK;
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

  /**
   * The profile and config file, read from the arguments before picocli parses them, because the
   * defaults picocli applies while parsing come from that very profile.
   */
  static ConfigSelection selection(CliEnvironment environment, String... args) {
    return ConfigSelection.resolve(flag(args, "--profile"), flag(args, "--config").map(Path::of),
        environment.variables(), environment.home());
  }

  private static Optional<String> flag(String[] args, String name) {
    Optional<String> value = Optional.empty();
    for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
      if (args[i].equals(name) && i + 1 < args.length) {
        value = Optional.of(args[++i]);
      } else if (args[i].startsWith(name + "=")) {
        value = Optional.of(args[i].substring(name.length() + 1));
      }
    }
    return value;
  }
}
