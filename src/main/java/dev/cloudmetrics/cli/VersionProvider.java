package dev.cloudmetrics.cli;

import dev.cloudmetrics.Version;
import picocli.CommandLine;

/** The version line of --version. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"cloudmetrics " + Version.current()};
  }
}
