package dev.cloudmetrics.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The commands that neither call the services nor use the sandbox (emulator, configure): the
 * inherited --sandbox and --debug are taken off them, so that their help does not offer what does
 * nothing there. Applied to the tree the generators read and to the one a run builds.
 */
final class LocalCommands implements CommandLine.IModelTransformer {
  private static final List<String> LOCAL = List.of("emulator", "configure");
  private static final List<String> SERVICE_OPTIONS = List.of("--sandbox", "--debug");

  @Override
  public CommandSpec transform(CommandSpec root) {
    for (String name : LOCAL) {
      Optional.ofNullable(root.subcommands().get(name)).ifPresent(LocalCommands::withoutServiceOptions);
    }
    return root;
  }

  private static void withoutServiceOptions(CommandLine command) {
    for (String name : SERVICE_OPTIONS) {
      Optional.ofNullable(command.getCommandSpec().findOption(name)).ifPresent(command.getCommandSpec()::remove);
    }
    command.getSubcommands().values().forEach(LocalCommands::withoutServiceOptions);
  }
}
