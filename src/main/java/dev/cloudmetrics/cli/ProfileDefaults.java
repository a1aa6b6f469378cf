package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.ConfigFile;
import dev.cloudmetrics.auth.ConfigSelection;
import dev.cloudmetrics.auth.CredentialSources;
import dev.cloudmetrics.auth.PrivateFile;
import dev.cloudmetrics.auth.Setting;
import dev.cloudmetrics.failure.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the selected profile of the config file, under the keys of {@link OptionKeys}.
 * picocli asks it only for the options a command line leaves out, so a flag beats the profile and
 * the profile beats the built-in default; --help shows what it supplies.
 */
final class ProfileDefaults implements CommandLine.IDefaultValueProvider {
  /** The profile line a default came from, and the key it was found under. */
  record Origin(String key, ConfigFile.Entry entry) {}

  /** Null for {@link #none()}, which reads no file. */
  private final ConfigSelection selection;
  private final Map<String, ConfigFile.Entry> entries;
  private final Set<ArgSpec> supplied = Collections.newSetFromMap(new IdentityHashMap<>());

  private ProfileDefaults(ConfigSelection selection, Map<String, ConfigFile.Entry> entries) {
    this.selection = selection;
    this.entries = entries;
  }

  /** No config file at all: no defaults but the built-in ones, and nothing to warn about. */
  static ProfileDefaults none() {
    return new ProfileDefaults(null, Map.of());
  }

  /** Reads the selected profile; a malformed file is invalid input naming the file and the line. */
  static ProfileDefaults load(ConfigSelection selection) {
    ConfigFile file = ConfigFile.read(selection.file());
    Map<String, ConfigFile.Entry> byKey = new LinkedHashMap<>();
    for (ConfigFile.Entry entry : file.entries(selection.profile()).orElse(Map.of()).values()) {
      ConfigFile.Entry earlier = byKey.put(OptionKeys.normalize(entry.key()), entry);
      if (earlier != null) {
        throw new InvalidInputException("config file " + selection.file() + " line " + entry.line()
            + ": the same key as line " + earlier.line() + " ('_' and '-' are the same in keys)");
      }
    }
    return new ProfileDefaults(selection, byKey);
  }

  ConfigSelection selection() {
    return selection;
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    Optional<Origin> origin = origin(arg);
    origin.ifPresent(o -> supplied.add(arg));
    return origin.map(o -> o.entry().value()).orElse(null);
  }

  /** Where the profile sets {@code arg}, if it does. */
  Optional<Origin> origin(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || !OptionKeys.configurable(option)) {
      return Optional.empty();
    }
    return OptionKeys.keys(option).stream().filter(entries::containsKey).findFirst()
        .map(key -> new Origin(key, entries.get(key)));
  }

  /** "profile prod (cdn.format, line 7)": where a default came from, for help and {@code configure list}. */
  String source(Origin origin) {
    return "profile " + selection.profile() + " (" + origin.key() + ", line " + origin.entry().line() + ")";
  }

  /** The effective default of {@code option} and where it comes from: the profile, else the built-in default. */
  Setting setting(OptionSpec option) {
    String name = OptionKeys.qualified(option);
    Optional<Origin> origin = origin(option);
    if (origin.isPresent()) {
      return new Setting(name, origin.get().entry().value(), source(origin.get()));
    }
    return builtIn(option).map(value -> new Setting(name, value, "default")).orElse(Setting.unset(name));
  }

  /**
   * One line each: the file is readable by others; a key of the profile sets nothing. A key that no
   * option of {@code root} takes is looked up in {@code everything}, the tree of every command,
   * built only then (a run builds the commands it names, a profile may hold keys of the others).
   */
  List<String> warnings(CommandLine root, Supplier<CommandLine> everything) {
    List<String> warnings = new ArrayList<>();
    if (selection == null) {
      return warnings;
    }
    PrivateFile.exposure(selection.file()).ifPresent(why -> warnings.add("config file " + selection.file() + " is "
        + why + ", but may hold secret keys: run 'chmod 600 " + selection.file() + "'"));
    CommandLine all = null;
    for (Map.Entry<String, ConfigFile.Entry> entry : entries.entrySet()) {
      if (CredentialSources.profileKeys().contains(entry.getValue().key()) || !OptionKeys.matching(root, entry.getKey()).isEmpty()) {
        continue;
      }
      all = all == null ? everything.get() : all;
      if (OptionKeys.matching(all, entry.getKey()).isEmpty()) {
        // The key is not quoted: a line like "c2VjcmV0=" is more likely a pasted secret than a setting.
        warnings.add("config file " + selection.file() + " line " + entry.getValue().line() + ": not a credential key nor an"
            + " option of any command (profile " + selection.profile() + "); ignored");
      }
    }
    return warnings;
  }

  /** A parameter error that the profile caused (a bad value of an option's default) rewritten to name its line. */
  CommandLine.ParameterException explain(CommandLine.ParameterException e) {
    ArgSpec arg = e.getArgSpec();
    if (arg == null || !supplied.contains(arg)) {
      return e;
    }
    Origin origin = origin(arg).orElseThrow();
    return new CommandLine.ParameterException(e.getCommandLine(), "config file " + selection.file() + " line "
        + origin.entry().line() + " (" + origin.key() + " in profile " + selection.profile() + "): " + e.getMessage(), e, arg,
        e.getValue());
  }

  /**
   * A refusal of the API packages ("--region 'x': …") caused by a value of the profile, rewritten to
   * name the profile's line and key instead of a flag the user never typed; anything else as it was.
   */
  Exception explain(Exception ex, CommandLine executed) {
    if (!(ex instanceof InvalidInputException invalid) || !invalid.getMessage().startsWith("--")) {
      return ex;
    }
    String name = invalid.getMessage().split("[ =]", 2)[0];
    OptionSpec option = executed.getCommandSpec().findOption(name);
    if (option == null || !supplied.contains(option) || executed.getParseResult().hasMatchedOption(option)) {
      return ex;
    }
    Origin origin = origin(option).orElseThrow();
    String rest = invalid.getMessage().substring(name.length()).trim();
    String where = "config file " + selection.file() + " line " + origin.entry().line() + " (" + origin.key()
        + " in profile " + selection.profile() + "): " + rest;
    return invalid.apiCode().map(code -> new InvalidInputException(code, where)).orElseGet(() -> new InvalidInputException(where));
  }

  /** The default the command itself declares, as text; empty for none. */
  private static Optional<String> builtIn(OptionSpec option) {
    if (option.defaultValue() != null) {
      return Optional.of(option.defaultValue());
    }
    Object initial = option.initialValue();
    if (initial == null || initial instanceof Collection<?> c && c.isEmpty() || initial instanceof Map<?, ?> m && m.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.valueOf(initial));
  }
}
