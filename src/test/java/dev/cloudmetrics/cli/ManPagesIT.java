package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The troff man pages the package phase built (target/man/man1), one per command: the synopsis
 * names every option of the command with its value whole, and the manual's sections are there.
 */
class ManPagesIT {
  static final Path PAGES = Path.of("target", "man", "man1");

  @Test
  void everyPageHasAWholeSynopsisAndTheManualsSections() throws IOException {
    List<CommandSpec> commands = new ArrayList<>();
    collect(new CommandLine(new CommandTree()).getCommandSpec(), commands);

    for (CommandSpec command : commands) {
      Path page = PAGES.resolve(command.qualifiedName("-") + ".1");
      String troff = Files.readString(page, StandardCharsets.UTF_8);
      String synopsis = plain(section(troff, "SYNOPSIS"));
      for (OptionSpec option : command.options()) {
        if (option.hidden()) {
          continue;
        }
        boolean flag = option.arity().max() == 0;
        String shown = flag ? option.shortestName() : option.shortestName() + "=" + option.paramLabel();
        assertTrue(synopsis.contains("[" + shown + "]") || flag && shortFlagIn(synopsis, option),
            page + ": " + shown + " is missing from the synopsis: " + synopsis);
      }
      for (ManualSections.Section section : ManualSections.load()) {
        String text = plain(section(troff, section.heading().toUpperCase(Locale.ROOT)));
        for (String term : section.entries().keySet()) {
          assertTrue(text.contains(term), page + ": " + term + " in " + text);
        }
      }
    }
  }

  private static void collect(CommandSpec command, List<CommandSpec> all) {
    all.add(command);
    command.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), all));
  }

  /** Short flags are clustered in the synopsis: [-hvV]. */
  private static boolean shortFlagIn(String synopsis, OptionSpec option) {
    String name = option.shortestName();
    int cluster = synopsis.indexOf("[-");
    while (cluster >= 0) {
      String group = synopsis.substring(cluster + 2, synopsis.indexOf(']', cluster));
      if (name.length() == 2 && !group.startsWith("-") && group.indexOf(name.charAt(1)) >= 0) {
        return true;
      }
      cluster = synopsis.indexOf("[-", cluster + 1);
    }
    return false;
  }

  private static String section(String troff, String heading) {
    int start = troff.indexOf(".SH \"" + heading + "\"");
    assertTrue(start >= 0, "no " + heading + " section");
    int end = troff.indexOf("\n.SH ", start + 1);
    return troff.substring(start, end < 0 ? troff.length() : end);
  }

  /** The text of troff without its font changes and escapes. */
  private static String plain(String troff) {
    return troff.replaceAll("\\\\f[BIPR]", "").replace("\\-", "-").replace("\\(ti", "~").replace("\\(aq", "'");
  }
}
