package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.CredentialSources;
import dev.cloudmetrics.auth.SettingCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What {@code configure} accepts: the credential keys, and the option keys of {@link OptionKeys}
 * with a value the option itself accepts, checked by parsing it as the command line would.
 */
final class ProfileSettingCheck implements SettingCheck {
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
      Optional<String> problem = option.typeInfo().isBoolean() ? booleanProblem(value) : parseProblem(option, value);
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
}
