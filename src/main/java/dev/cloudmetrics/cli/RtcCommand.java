package dev.cloudmetrics.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code rtc} group: Volcengine RTC OpenAPI actions. */
@Command(
    name = "rtc",
    mixinStandardHelpOptions = true,
    description = "Volcengine RTC: real-time operating data of RTC applications.",
    subcommands = ListRealtimeCommand.class)
final class RtcCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.INVALID_INPUT;
  }
}
