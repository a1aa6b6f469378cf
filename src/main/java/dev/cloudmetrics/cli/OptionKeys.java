package dev.cloudmetrics.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The profile keys of command-line options. An option's key is its long name without dashes
 * ({@code format}), alone or after the path of its command or a leading part of it
 * ({@code cdn.format}, {@code cdn.online-users.format}); the most specific key a profile holds wins.
 * Keys are case-insensitive and {@code _} may stand for {@code -} ({@code signing_region}).
 */
final class OptionKeys {
  /** The options that choose the config file and the profile cannot come from them. */
  private static final Set<String> SELECTORS = Set.of("profile", "config");

  private OptionKeys() {}

  /** Whether a profile can give {@code option} a default. */
  static boolean configurable(OptionSpec option) {
    return !option.usageHelp() && !option.versionHelp() && !option.inherited() && !SELECTORS.contains(name(option));
  }

  /** The keys that set {@code option}, the most specific first: {@code cdn.online-users.format}, {@code cdn.format}, {@code format}. */
  static List<String> keys(OptionSpec option) {
    List<String> path = path(option.command());
    List<String> keys = new ArrayList<>();
    for (int n = path.size(); n >= 0; n--) {
      List<String> scope = new ArrayList<>(path.subList(0, n));
      scope.add(name(option));
      keys.add(String.join(".", scope));
    }
    return keys;
  }

  /** The one key that names {@code option} and nothing else. */
  static String qualified(OptionSpec option) {
    return keys(option).get(0);
  }

  /** A key as written in a profile, in the form {@link #keys} produces. */
  static String normalize(String key) {
    return key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every option of the command tree below {@code root} that a profile can set, command by command. */
  static List<OptionSpec> all(CommandLine root) {
    List<OptionSpec> options = new ArrayList<>();
    collect(root, options);
    return options;
  }

  /** The options {@code key} sets (a key may set the same-named option of several commands). */
  static List<OptionSpec> matching(CommandLine root, String key) {
    String normalized = normalize(key);
    return all(root).stream().filter(option -> keys(option).contains(normalized)).toList();
  }

  /** The subcommand names from the root to {@code command}, e.g. {@code [cdn, online-users]}. */
  static List<String> path(CommandSpec command) {
    List<String> names = new ArrayList<>();
    for (CommandSpec c = command; c.parent() != null; c = c.parent()) {
      names.add(0, c.name());
    }
    return names;
  }

  private static String name(OptionSpec option) {
    // Not replaceFirst("^-+", ""): it compiles the pattern on every call, for every option of a run.
    String name = option.longestName();
    int dashes = 0;
    while (dashes < name.length() && name.charAt(dashes) == '-') {
      dashes++;
    }
    return name.substring(dashes).toLowerCase(Locale.ROOT);
  }

  private static void collect(CommandLine command, List<OptionSpec> options) {
    command.getCommandSpec().options().stream().filter(OptionKeys::configurable).forEach(options::add);
    command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, options));
  }
}
