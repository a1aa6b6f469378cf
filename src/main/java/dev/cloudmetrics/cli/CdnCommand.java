package dev.cloudmetrics.cli;

import picocli.CommandLine.Command;

/** The {@code cdn} group: Kingsoft Cloud live CDN statistics actions; without one, picocli refuses it as a usage error (exit 2). */
@Command(
    name = "cdn",
    mixinStandardHelpOptions = true,
    description = "Kingsoft Cloud live CDN: statistics of live streams.",
    subcommands = OnlineUsersCommand.class)
final class CdnCommand {}
