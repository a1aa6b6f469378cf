package dev.cloudmetrics.cli;

import picocli.CommandLine.Command;

/**
 * The root command with every command group under it: what the build's completion-script and
 * man-page generators read, and the one list of the groups. A run builds the root without them and
 * adds only the groups its command line names ({@link Main#commandLine}), because picocli reflects
 * over every command it builds, a sixth of a short query's start-up for the groups it never runs.
 */
@Command(subcommands = {RtcCommand.class, CdnCommand.class, EmulatorCommand.class, ConfigureCommand.class},
    modelTransformer = LocalCommands.class)
public final class CommandTree extends CloudMetricsCommand {
  /** For the generators, which build commands with their no-argument constructors. */
  public CommandTree() {
    super();
  }
}
