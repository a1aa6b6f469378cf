package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.CredentialSources;
import dev.cloudmetrics.auth.SettingCheck;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What {@code configure} accepts: the credential keys, and the option keys of {@link OptionKeys}
 * with a value the option itself accepts, checked by parsing it as the command line would and, for
 * the query commands, by a {@code --dry-run} of the command with it (which runs every rule of the
 * API packages, e.g. the RTC regions and CDN granularities, and sends nothing).
 */
final class ProfileSettingCheck implements SettingCheck {
  /**
   * What each query command needs besides the value checked; the endpoint is one nothing listens on.
   * The CDN's final-bucket rule depends on the hour, not on a setting: a 1-day granularity must not
   * be refused because today's bucket is not final yet.
   */
  private static final Map<String, List<String>> QUERY_ARGS = Map.of(
      "list-realtime", List.of("--app-id=configure-check"),
      "online-users", List.of("--stream=rtmp://configure.check/live/a", "--include-incomplete"));
  private static final List<String> DRY_RUN = List.of("--dry-run", "--endpoint=http://127.0.0.1:9");
  private static final Map<String, String> CHECK_CREDENTIALS = Map.of(
      "VOLCENGINE_ACCESS_KEY", "configure-check", "VOLCENGINE_SECRET_KEY", "configure-check",
      "KSYUN_ACCESS_KEY", "configure-check", "KSYUN_SECRET_KEY", "configure-check");

  private final CliEnvironment environment;

  ProfileSettingCheck(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Optional<String> unknown(String key) {
    if (CredentialSources.profileKeys().contains(key.toLowerCase(Locale.ROOT))
        || !OptionKeys.matching(Main.commandLine(environment), key).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("not a credential key nor an option of any command (see 'cloudmetrics configure list')");
  }

  @Override
  public Optional<String> invalid(String key, String value) {
    if (CredentialSources.profileKeys().contains(key.toLowerCase(Locale.ROOT))) {
      // The value is not quoted: it may be a secret.
      return value.chars().anyMatch(Character::isWhitespace) ? Optional.of(key + " has no spaces") : Optional.empty();
    }
    for (OptionSpec option : OptionKeys.matching(Main.commandLine(environment), key)) {
      Optional<String> problem = (option.typeInfo().isBoolean() ? booleanProblem(value) : parseProblem(option, value))
          .or(() -> dryRunProblem(option, value));
      if (problem.isPresent()) {
        return Optional.of(key + ": " + problem.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> booleanProblem(String value) {
    return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? Optional.empty()
        : Optional.of("'" + value + "' is not true or false");
  }

  /** The error the command line would give for {@code --option=value}, on a fresh command line. */
  private Optional<String> parseProblem(OptionSpec option, String value) {
    CommandLine fresh = Main.commandLine(environment);
    List<String> args = new ArrayList<>(OptionKeys.path(option.command()));
    args.add(option.longestName() + "=" + value);
    try {
      fresh.parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      if (e.getArgSpec() instanceof OptionSpec failed && OptionKeys.qualified(failed).equals(OptionKeys.qualified(option))) {
        return Optional.of(e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** The one-line error a dry run of the option's query command gives with {@code --option=value}, if any. */
  private Optional<String> dryRunProblem(OptionSpec option, String value) {
    List<String> path = OptionKeys.path(option.command());
    List<String> required = QUERY_ARGS.get(option.command().name());
    if (required == null) {
      return Optional.empty();
    }
    String name = option.longestName();
    List<String> args = new ArrayList<>(path);
    Stream.concat(required.stream(), DRY_RUN.stream()).filter(arg -> !arg.equals(name) && !arg.startsWith(name + "="))
        .forEach(args::add);
    args.add(name + "=" + value);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    CliEnvironment check = new CliEnvironment(environment.clock(), CHECK_CREDENTIALS, discard,
        new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), TerminalStreams.NONE,
        environment.home(), environment.sleeper());
    // No config file: the profile being written must not take part in checking its own values.
    if (Main.runWithoutConfig(check, args.toArray(String[]::new)) != ExitCode.INVALID_INPUT) {
      return Optional.empty();
    }
    String line = err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("").replaceFirst("^cloudmetrics: ", "");
    // The user typed a key, not a flag: "'7': ..." rather than "--granularity '7': ...".
    return Optional.of(line.replaceFirst("^((?:[A-Za-z.]+: )?)" + Pattern.quote(name) + " ", "$1"));
  }
}
