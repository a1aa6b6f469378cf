package dev.cloudmetrics.cli;

import dev.cloudmetrics.auth.ConfigFile;
import dev.cloudmetrics.auth.ConfigSelection;
import dev.cloudmetrics.auth.ConsolePrompter;
import dev.cloudmetrics.auth.ProfileAnswers;
import dev.cloudmetrics.auth.ProfilePrompts;
import dev.cloudmetrics.auth.ProfileWriter;
import dev.cloudmetrics.auth.Prompter;
import dev.cloudmetrics.auth.StreamPrompter;
import dev.cloudmetrics.failure.InvalidInputException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code configure}: writes access keys and option defaults into a profile of the config file. */
@Command(
    name = "configure",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Save access keys and option defaults in a profile of the config file.",
    description = {
      "Writes the profile named by --profile (else CLOUDMETRICS_PROFILE, else",
      "'default') with mode 0600, keeping other profiles and comments.",
      "",
      "On a terminal it asks for the access keys (secrets without echo), then",
      "rtc.region, cdn.signing-region, format, tz and the endpoints: Enter keeps",
      "the value in [brackets], '-' removes it.",
      "",
      "Otherwise it reads 'key = value' lines from stdin: volcengine_access_key,",
      "volcengine_secret_key, volcengine_session_token, ksyun_access_key,",
      "ksyun_secret_key, or an option default keyed by the option's long name",
      "(format, tz, regions) or by its command and name (rtc.region,",
      "cdn.online-users.granularity; the most specific key wins). 'key =' removes",
      "a key; keys not given stay as they are. 'configure list' shows every key."
    },
    subcommands = ConfigureListCommand.class,
    footerHeading = "%nExamples:%n",
    footer = {
      "  cloudmetrics configure",
      "  cloudmetrics configure --profile staging",
      "  printf 'format = csv\\ntz = Asia/Shanghai\\n' | cloudmetrics configure",
      "  cloudmetrics configure --profile ci < answers.txt",
      "  cloudmetrics configure list"
    })
final class ConfigureCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CloudMetricsCommand root = (CloudMetricsCommand) spec.root().userObject();
    CliEnvironment environment = root.environment();
    ConfigSelection selection = root.selection();
    if (!ConfigFile.isProfileName(selection.profile())) {
      throw new InvalidInputException("--profile '" + selection.profile()
          + "': a profile name is letters, digits, '.', '_', '-' and '@'");
    }
    Map<String, String> current = ConfigFile.read(selection.file()).profile(selection.profile()).orElse(Map.of());
    ProfileSettingCheck check = new ProfileSettingCheck(environment);
    Map<String, Optional<String>> changes = environment.terminal().stdin()
        ? ProfilePrompts.ask(ConfigureQuestions.all(spec.root().commandLine(), ProfileDefaults.load(selection), current),
            prompter(environment), check)
        : ProfileAnswers.read(new InputStreamReader(environment.in(), StandardCharsets.UTF_8), check);
    if (changes.isEmpty()) {
      environment.err().println("cloudmetrics: nothing to change in profile '" + selection.profile() + "' of " + selection.file());
      return ExitCode.OK;
    }
    ProfileWriter.write(selection.file(), selection.profile(), changes);
    environment.err().println("cloudmetrics: saved " + changes.size() + (changes.size() == 1 ? " setting" : " settings")
        + " in profile '" + selection.profile() + "' of " + selection.file() + " (readable only by you)");
    return ExitCode.OK;
  }

  /** The JVM's console when there is one; with stdout piped ({@code configure | cat}) there is none: stdin and stderr. */
  private static Prompter prompter(CliEnvironment environment) {
    Console console = System.console();
    return console != null ? new ConsolePrompter(console) : new StreamPrompter(
        new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8)), environment.err(),
        StreamPrompter.Echo.stty());
  }
}
