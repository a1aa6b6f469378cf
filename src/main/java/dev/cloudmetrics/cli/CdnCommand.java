package dev.cloudmetrics.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code cdn} group: Kingsoft Cloud live CDN statistics actions. */
@Command(
    name = "cdn",
    mixinStandardHelpOptions = true,
    description = "Kingsoft Cloud live CDN: statistics of live streams.",
    subcommands = OnlineUsersCommand.class)
final class CdnCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.INVALID_INPUT;
  }
}
