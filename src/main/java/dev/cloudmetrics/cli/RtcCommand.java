package dev.cloudmetrics.cli;

import picocli.CommandLine.Command;

/** The {@code rtc} group: Volcengine RTC OpenAPI actions; without one, picocli refuses it as a usage error (exit 2). */
@Command(
    name = "rtc",
    mixinStandardHelpOptions = true,
    description = "Volcengine RTC: real-time operating data of RTC applications.",
    subcommands = ListRealtimeCommand.class)
final class RtcCommand {}
