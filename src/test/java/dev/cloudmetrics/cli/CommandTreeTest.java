package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A run builds only the command groups its arguments name; the whole tree, as the completion
 * scripts and man pages are generated from it, must be the one users get help from.
 */
class CommandTreeTest {
  private static final Set<String> ALL = Set.of("rtc", "cdn", "emulator", "configure");

  @Test
  void aRunBuildsTheGroupsItsArgumentsName() {
    assertEquals(List.of("rtc", "cdn", "emulator", "configure"), List.copyOf(CloudMetricsCommand.GROUPS.keySet()));
    assertEquals(Set.of("cdn"), Main.groupsNamedIn("--sandbox", "cdn", "online-users", "-s", "rtmp://a/live/b"));
    // an option's value may look like a group: both are built, and picocli tells them apart
    assertEquals(Set.of("rtc", "emulator"), Main.groupsNamedIn("rtc", "list-realtime", "--app-id", "emulator"));
  }

  @Test
  void theGroupsARunKnowsAreTheTreesInItsOrder() {
    Map<String, Class<?>> tree = new java.util.LinkedHashMap<>();
    for (Class<?> group : CommandTree.class.getAnnotation(CommandLine.Command.class).subcommands()) {
      tree.put(group.getAnnotation(CommandLine.Command.class).name(), group);
    }
    assertEquals(List.copyOf(tree.entrySet()), List.copyOf(CloudMetricsCommand.GROUPS.entrySet()));
  }

  @Test
  void everythingIsBuiltForTheRootAnUnknownCommandAndConfigure() {
    assertEquals(ALL, Main.groupsNamedIn());
    assertEquals(ALL, Main.groupsNamedIn("--help"));
    assertEquals(ALL, Main.groupsNamedIn("cnd", "online-users"));
    assertEquals(ALL, Main.groupsNamedIn("configure", "list"));
    assertEquals(ALL, Main.groupsNamedIn("--", "cdn"));
  }

  @Test
  void theTreeUsersGetHelpFromIsTheOneTheGeneratorsRead() {
    CommandLine built = Main.commandLine(CliEnvironment.system());
    CommandLine generated = new CommandLine(new CommandTree());

    assertEquals(usages(generated), usages(built));
  }

  @TempDir Path home;

  @Test
  void aCommandNamedOnTheCommandLineHasTheSameHelpAsInTheWholeTree() {
    CliRun.Result alone = new CliRun(Clock.systemUTC(), Map.of(), home).run("cdn", "online-users", "--help");
    CommandLine whole = Main.commandLine(new CliEnvironment(Clock.systemUTC(), Map.of(), System.out, System.err,
        System.in, false, home));
    whole.setHelpFactory(new ProfileDefaultsHelp());

    assertEquals(0, alone.exitCode(), alone.err());
    assertEquals(whole.getSubcommands().get("cdn").getSubcommands().get("online-users").getUsageMessage(
        CommandLine.Help.Ansi.OFF), alone.out());
  }

  /** Each command's path and usage help, depth first. */
  private static List<String> usages(CommandLine command) {
    List<String> all = new java.util.ArrayList<>();
    all.add(command.getCommandSpec().qualifiedName() + "\n" + command.getUsageMessage(CommandLine.Help.Ansi.OFF));
    command.getSubcommands().values().forEach(sub -> all.addAll(usages(sub)));
    return all;
  }
}
