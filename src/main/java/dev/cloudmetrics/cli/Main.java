package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.ConfigSelection;
import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.OutputFailedException;
import dev.cloudmetrics.output.CheckedStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Process entry point: the only place that calls {@code System.exit}. */
public final class Main {
  private static final String PICOCLI_CONVERTER_EXCLUDES = "picocli.converters.excludes";
  private static final int MIN_HELP_WIDTH = 55;
  private static final int MAX_HELP_WIDTH = 100;

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
    // Not lambdas, here and in commandLine: the process's first lambda links the JDK's method-handle
    // machinery (5 ms), which the prefetch thread does meanwhile instead.
    return run(environment, new Supplier<ProfileDefaults>() {
      @Override
      public ProfileDefaults get() {
        return ProfileDefaults.load(existingConfig(selection(environment, args), args));
      }
    }, args);
  }

  /**
   * Runs one command line with no config file at all, on the built-in defaults: {@code configure}
   * checks a value so, since the profile being written must not take part in checking its own values.
   */
  static int runWithoutConfig(CliEnvironment environment, String... args) {
    return run(environment, ProfileDefaults::none, args);
  }

  private static int run(CliEnvironment environment, Supplier<ProfileDefaults> profile, String... args) {
    if (System.getProperty(PICOCLI_CONVERTER_EXCLUDES) == null) {
      // Picocli looks up converters for java.sql and java.time types by reflection for every command
      // it builds (its documented switch leaves them out); no option here has such a type.
      System.setProperty(PICOCLI_CONVERTER_EXCLUDES, "java\\.(sql|time)\\..*");
    }
    try (Prefetch prefetch = Prefetch.startFor(args)) {
      CommandLine cmd = commandLine(environment, groupsNamedIn(args));
      ProfileDefaults defaults;
      try {
        defaults = profile.get();
      } catch (InvalidInputException e) {
        return FailureReporter.report(e, environment.err(), false);
      }
      defaults.warnings(cmd, () -> commandLine(environment))
          .forEach(warning -> environment.err().println("cloudmetrics: warning: " + warning));
      FailureReporter reporter = new FailureReporter(environment.err());
      cmd.setDefaultValueProvider(defaults);
      cmd.setHelpFactory(new ProfileDefaultsHelp());
      cmd.setParameterExceptionHandler((e, rest) -> reporter.handleParseException(defaults.explain(e), rest));
      cmd.setExecutionExceptionHandler((e, executed, parsed) ->
          reporter.handleExecutionException(defaults.explain(e, executed), executed, parsed));
      ((CloudMetricsCommand) cmd.getCommand()).readied(prefetch);
      return checkedStdout(cmd.execute(args), environment);
    }
  }

  private static int printVersion(CliEnvironment environment) {
    for (String line : new VersionProvider().getVersion()) {
      environment.out().println(line);
    }
    return checkedStdout(ExitCode.OK, environment);
  }

  /** A run that went well but whose stdout failed (help, --dry-run to /dev/full) did not go well. */
  private static int checkedStdout(int code, CliEnvironment environment) {
    try {
      CheckedStream.check(environment.out());
      return code;
    } catch (OutputFailedException e) {
      return code == ExitCode.OK ? FailureReporter.report(e, environment.err(), false) : code;
    }
  }


  /** The configured picocli command line with every command, for tests and for the completion generator. */
  public static CommandLine commandLine(CliEnvironment environment) {
    return commandLine(environment, CloudMetricsCommand.GROUPS.keySet());
  }

  /**
   * The command groups to build for {@code args}: every group an argument names (an option's value
   * may name one too, so all of them, which costs a little and is never wrong), or all groups when
   * none is named (the root's usage, an unknown command) or {@code configure} is, which works on
   * every command's options. Picocli reflects over each command it builds: a sandbox query that
   * builds one group of four starts 15 ms sooner.
   */
  static Set<String> groupsNamedIn(String... args) {
    Set<String> named = new LinkedHashSet<>();
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (CloudMetricsCommand.GROUPS.containsKey(arg)) {
        named.add(arg);
      }
    }
    return named.isEmpty() || named.contains("configure") ? CloudMetricsCommand.GROUPS.keySet() : named;
  }

  private static CommandLine commandLine(CliEnvironment environment, Set<String> groups) {
    FailureReporter reporter = new FailureReporter(environment.err());
    CommandLine cmd = new CommandLine(new CloudMetricsCommand(environment));
    // Before the settings below: picocli passes them on to the subcommands present when they are set.
    for (Map.Entry<String, Class<?>> group : CloudMetricsCommand.GROUPS.entrySet()) {
      if (groups.contains(group.getKey())) {
        cmd.addSubcommand(group.getKey(), group.getValue());
      }
    }
    new LocalCommands().transform(cmd.getCommandSpec());
    cmd.setOut(new PrintWriter(environment.out(), true));
    cmd.setErr(new PrintWriter(environment.err(), true));
    cmd.setExecutionExceptionHandler(reporter);
    cmd.setParameterExceptionHandler(reporter);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    // Help as wide as the terminal (COLUMNS, else what the launcher measured, else 80), within what picocli allows.
    cmd.setUsageHelpAutoWidth(false);
    cmd.setUsageHelpWidth(Math.max(MIN_HELP_WIDTH, Math.min(MAX_HELP_WIDTH,
        environment.terminal().display(environment.variables(), false).columns())));
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

  /**
   * Refuses a {@code --config FILE} that does not exist, which would otherwise read as a file
   * without profiles: a typo must not run with other credentials. {@code configure} creates it.
   */
  private static ConfigSelection existingConfig(ConfigSelection selection, String... args) {
    boolean named = flag(args, "--config").isPresent();
    boolean configuring = java.util.Arrays.asList(args).contains("configure");
    if (named && !configuring && !Files.exists(selection.file())) {
      throw new InvalidInputException("--config '" + selection.file() + "': no such file (cloudmetrics configure --config "
          + selection.file() + " creates it)");
    }
    return selection;
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
