package dev.cloudmetrics.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Help that shows, under an option, the default the selected profile gives it, and ends the root
 * command's help with the manual's exit status, environment and files.
 */
final class ProfileDefaultsHelp implements CommandLine.IHelpFactory {
  @Override
  public Help create(CommandSpec spec, Help.ColorScheme colorScheme) {
    return new Help(spec, colorScheme) {
      @Override
      public Help.IOptionRenderer createDefaultOptionRenderer() {
        Help.IOptionRenderer standard = super.createDefaultOptionRenderer();
        return (option, labels, scheme) -> withProfileDefault(standard.render(option, labels, scheme), spec, option, scheme);
      }

      @Override
      public String footer(Object... params) {
        return spec.parent() == null ? super.footer(params) + ManualSections.help(spec.usageMessage().width()) : super.footer(params);
      }
    };
  }

  private static Help.Ansi.Text[][] withProfileDefault(
      Help.Ansi.Text[][] rows, CommandSpec spec, OptionSpec option, Help.ColorScheme scheme) {
    if (!(spec.defaultValueProvider() instanceof ProfileDefaults defaults) || rows.length == 0) {
      return rows;
    }
    return defaults.origin(option).map(origin -> {
      Help.Ansi.Text[] row = new Help.Ansi.Text[rows[0].length];
      Arrays.fill(row, scheme.ansi().new Text("", scheme));
      row[row.length - 1] = scheme.ansi().new Text(
          "  Default: " + origin.entry().value() + ", from " + defaults.source(origin), scheme);
      Help.Ansi.Text[][] more = Arrays.copyOf(rows, rows.length + 1);
      more[rows.length] = row;
      return more;
    }).orElse(rows);
  }
}
