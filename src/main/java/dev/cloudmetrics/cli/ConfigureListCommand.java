package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.ConfigSelection;
import dev.cloudmetrics.auth.CredentialSources;
import dev.cloudmetrics.auth.Setting;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** {@code configure list}: every effective setting, where it comes from, secrets masked. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    header = "Show every effective setting and where it comes from.",
    description = {
      "Sources: flag, env, profile NAME (with the key and its line) or default.",
      "Access keys are masked (AKLT****); secrets are never shown. A flag given",
      "to a command beats every one of these."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  cloudmetrics configure list", "  cloudmetrics --profile staging configure list"})
final class ConfigureListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CloudMetricsCommand root = (CloudMetricsCommand) spec.root().userObject();
    CliEnvironment environment = root.environment();
    ConfigSelection selection = root.selection();
    ProfileDefaults defaults = ProfileDefaults.load(selection);
    CredentialSources.Report credentials = new CredentialSources(environment.variables(), selection).describe();

    List<Setting> settings = new ArrayList<>();
    settings.add(new Setting("profile", selection.profile(), selection.profileSource()));
    settings.add(new Setting("config", selection.file().toString(), selection.fileSource()));
    settings.addAll(credentials.settings());
    for (OptionSpec option : OptionKeys.all(spec.root().commandLine())) {
      settings.add(given(option).orElseGet(() -> defaults.setting(option)));
    }
    print(settings, environment.out());
    credentials.problems().forEach(problem -> environment.err().println("cloudmetrics: note: " + problem));
    return ExitCode.OK;
  }

  /** A global option given on this command line ({@code --sandbox -v configure list}): its value, from the flag. */
  private Optional<Setting> given(OptionSpec option) {
    for (CommandLine.ParseResult r = spec.root().commandLine().getParseResult(); r != null; r = r.subcommand()) {
      if (r.hasMatchedOption(option.longestName())) {
        Object value = r.matchedOption(option.longestName()).getValue();
        return Optional.of(new Setting(OptionKeys.qualified(option), String.valueOf(value), "flag " + option.longestName()));
      }
    }
    return Optional.empty();
  }

  private static void print(List<Setting> settings, PrintStream out) {
    int nameWidth = "SETTING".length();
    int valueWidth = "VALUE".length();
    for (Setting setting : settings) {
      nameWidth = Math.max(nameWidth, setting.name().length());
      valueWidth = Math.max(valueWidth, setting.value().length());
    }
    String line = "%-" + nameWidth + "s  %-" + valueWidth + "s  %s%n";
    out.printf(line, "SETTING", "VALUE", "SOURCE");
    settings.forEach(setting -> out.printf(line, setting.name(), setting.value(), setting.source()));
    out.flush();
  }
}
