package dev.cloudmetrics.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Picocli's usage errors in the words git and kubectl use: the one unknown option or command (not
 * the value after it, too), the closest name it could have been, and the commands a group has.
 */
final class UsageErrors {
  private UsageErrors() {}

  static String describe(CommandLine.ParameterException ex) {
    CommandLine command = ex.getCommandLine();
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      if (first.startsWith("-")) {
        String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        return "unknown option '" + name + "'" + closest(name, command.getCommandSpec().optionsMap().keySet())
            .map(option -> "; did you mean '" + option + "'?").orElse("");
      }
      if (!command.getSubcommands().isEmpty()) {
        return "unknown command '" + first + "'" + closest(first, commandPaths(command.getCommandSpec(), ""))
            .map(path -> "; did you mean '" + path + "'?").orElse("; its commands: " + commands(command));
      }
      return "unexpected argument '" + first + "' (options take their value after them: --name VALUE)";
    }
    if (ex.getMessage().startsWith("Missing required subcommand")) {
      return "'" + command.getCommandSpec().qualifiedName() + "' needs a command: " + commands(command);
    }
    return ex.getMessage();
  }

  /** The commands below {@code spec}, also those further down by their path ({@code cdn online-users}). */
  private static List<String> commandPaths(CommandSpec spec, String prefix) {
    List<String> paths = new ArrayList<>();
    spec.subcommands().forEach((name, sub) -> {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        paths.add(prefix + name);
        paths.addAll(commandPaths(sub.getCommandSpec(), prefix + name + " "));
      }
    });
    return paths;
  }

  /** The candidate nearest to {@code typed} by edit distance, if near enough to be a typo of it. */
  static Optional<String> closest(String typed, Iterable<String> candidates) {
    String wanted = typed.replace("-", "");
    List<String> near = new ArrayList<>();
    for (String candidate : candidates) {
      String last = candidate.substring(candidate.lastIndexOf(' ') + 1).replace("-", "");
      if (distance(wanted, last) <= Math.max(1, wanted.length() / 3)) {
        near.add(candidate);
      }
    }
    return near.stream().min(Comparator.comparingInt(
        candidate -> distance(wanted, candidate.substring(candidate.lastIndexOf(' ') + 1).replace("-", ""))));
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String commands(CommandLine command) {
    return String.join(", ", command.getSubcommands().entrySet().stream()
        .filter(entry -> !entry.getValue().getCommandSpec().usageMessage().hidden()).map(entry -> entry.getKey()).toList());
  }
}
