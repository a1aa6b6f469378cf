package dev.cloudmetrics.cli;

import java.nio.file.Path;
import java.util.Optional;

/** The global options as one value, handed from the root command to the service wiring. */
record GlobalSettings(
    Optional<String> profile, Optional<Path> config, boolean verbose, boolean debug, boolean sandbox) {}
