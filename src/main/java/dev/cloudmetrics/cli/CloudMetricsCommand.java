package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.ConfigSelection;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command: global options, and the command groups below it ({@link #GROUPS}, listed by
 * {@link CommandTree} and added by {@link Main#commandLine}, which builds only those a command line names).
 */
@Command(
    name = "cloudmetrics",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Live-audience metrics from Volcengine RTC and Kingsoft Cloud live CDN:",
      "a table or a chart for eyes, CSV for spreadsheets, JSON/NDJSON for programs,",
      "Prometheus and InfluxDB text for monitoring.",
      "Data goes to stdout, everything else to stderr."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cloudmetrics --sandbox cdn online-users -s rtmp://demo.example/live/a \\",
      "      --last 2h",
      "  cloudmetrics rtc list-realtime --app-id 5f2a3b4c5d6e7f8091a2b3c4 -f csv",
      "  cloudmetrics emulator --port 8080",
      "  cloudmetrics configure"
      // then the exit status, environment and files of the manual (ProfileDefaultsHelp, ManualSections)
    })
public class CloudMetricsCommand implements Callable<Integer> {
  /** The command groups under the root, by name, in the order of the usage help. */
  static final Map<String, Class<?>> GROUPS = groups();

  private final CliEnvironment environment;
  // Set by Main: a run's head start, with the --sandbox emulator when it started one.
  private Prefetch prefetch;

  @Spec CommandSpec spec;

  @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
      description = "Profile of the config file for credentials and option defaults (also CLOUDMETRICS_PROFILE; else 'default').")
  String profile;

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Config file (default $XDG_CONFIG_HOME/cloudmetrics/config or ~/.config/cloudmetrics/config).")
  Path config;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "One line per request on stderr: method, action, status, duration, retries.")
  boolean verbose;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Full requests and responses on stderr, secrets redacted.")
  boolean debug;

  @Option(names = "--sandbox", scope = ScopeType.INHERIT,
      description = "Run against the built-in emulator of both APIs with its demo credentials: no account, no network.")
  boolean sandbox;

  /** For picocli's completion generator, which needs a no-argument constructor. */
  public CloudMetricsCommand() {
    this(CliEnvironment.system());
  }

  public CloudMetricsCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  CliEnvironment environment() {
    return environment;
  }

  /** What {@link Main} readied ahead for this run, the {@code --sandbox} emulator among it; else a new one is started. */
  void readied(Prefetch prefetch) {
    this.prefetch = prefetch;
  }

  /** Credentials, transport and sandbox for a command of this run. */
  ServiceAccess serviceAccess() {
    return new ServiceAccess(globals(), environment, prefetch);
  }

  /** The config file and profile this run uses, and why. */
  ConfigSelection selection() {
    return ConfigSelection.resolve(Optional.ofNullable(profile), Optional.ofNullable(config), environment.variables(), environment.home());
  }

  GlobalSettings globals() {
    return new GlobalSettings(Optional.ofNullable(profile), Optional.ofNullable(config), verbose, debug, sandbox);
  }

  /**
   * Written out rather than read from {@link CommandTree}'s annotation: every run needs the names
   * before anything else, and parsing the four groups' annotations for them (loading their
   * subcommands' classes) took 5 ms of the main thread's start. CommandTreeTest holds the two equal.
   */
  private static Map<String, Class<?>> groups() {
    Map<String, Class<?>> groups = new LinkedHashMap<>();
    groups.put("rtc", RtcCommand.class);
    groups.put("cdn", CdnCommand.class);
    groups.put("emulator", EmulatorCommand.class);
    groups.put("configure", ConfigureCommand.class);
    return Collections.unmodifiableMap(groups);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(environment.err());
    return ExitCode.INVALID_INPUT;
  }
}
