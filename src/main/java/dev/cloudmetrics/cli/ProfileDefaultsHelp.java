package dev.cloudmetrics.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help that shows, under an option, the default the selected profile gives it, wraps option
 * descriptions at spaces only (picocli's line breaking splits {@code http://host} and {@code ~/.config}),
 * and ends the root command's help with the manual's exit status, environment and files.
 */
final class ProfileDefaultsHelp implements CommandLine.IHelpFactory {
  // Picocli's description column starts after a one-space indent; its wrapped lines are indented two more.
  private static final int COLUMN_INDENT = 1;
  private static final String WRAPPED_INDENT = "  ";

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

      @Override
      public Help.Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
          Help.ColorScheme scheme) {
        int longOptions = calcLongOptionColumnWidth(options, positionals, scheme);
        Help.TextTable table = Help.TextTable.forDefaultColumns(scheme, longOptions, spec.usageMessage().width());
        table.setAdjustLineBreaksForWideCJKCharacters(spec.usageMessage().adjustLineBreaksForWideCJKCharacters());
        // One column short of the width, as picocli's own wrapping leaves it (a full line wraps on some terminals).
        int description = spec.usageMessage().width() - 5 - longOptions - COLUMN_INDENT - 1;
        Help.IOptionRenderer renderer = createDefaultOptionRenderer();
        return new Help.Layout(scheme, table,
            (option, labels, colours) -> wrappedAtSpaces(renderer.render(option, labels, colours), description, colours),
            createDefaultParameterRenderer());
      }
    };
  }

  /** The rows with each description cell that is too long cut at spaces into rows of its own. */
  private static Help.Ansi.Text[][] wrappedAtSpaces(Help.Ansi.Text[][] rows, int width, Help.ColorScheme scheme) {
    List<Help.Ansi.Text[]> wrapped = new ArrayList<>();
    for (Help.Ansi.Text[] row : rows) {
      String text = row[row.length - 1].plainString();
      if (text.length() <= width) {
        wrapped.add(row);
        continue;
      }
      List<String> lines = lines(text, width);
      for (int i = 0; i < lines.size(); i++) {
        Help.Ansi.Text[] line = i == 0 ? row.clone() : empty(row.length, scheme);
        line[line.length - 1] = scheme.ansi().new Text((i == 0 ? "" : WRAPPED_INDENT) + lines.get(i), scheme);
        wrapped.add(line);
      }
    }
    return wrapped.toArray(Help.Ansi.Text[][]::new);
  }

  /** {@code text} in lines of at most {@code width} (the second and later two less, for their indent), cut at spaces. */
  static List<String> lines(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split(" +")) {
      int room = lines.isEmpty() ? width : width - WRAPPED_INDENT.length();
      if (line.length() > 0 && line.length() + 1 + word.length() > room) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static Help.Ansi.Text[] empty(int columns, Help.ColorScheme scheme) {
    Help.Ansi.Text[] row = new Help.Ansi.Text[columns];
    Arrays.fill(row, scheme.ansi().new Text("", scheme));
    return row;
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
