package dev.cloudmetrics.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bash and zsh completion scripts, written by the build from the same command model as
 * {@code --help} ({@link CommandTree}): subcommands, options with their descriptions, and the
 * values each option takes, also after a comma and after {@code --option=}.
 */
public final class CompletionScripts {
  private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("(?<!e\\.g|i\\.e)\\. ");

  private CompletionScripts() {}

  /** What Tab offers for an option's value. */
  enum ValueKind { NONE, FREE, WORDS, FILES, ZONES }

  /** One option of one command, as completion sees it. */
  record CompletedOption(List<String> names, String description, ValueKind kind, List<String> words, boolean repeatable) {
    boolean takesValue() {
      return kind != ValueKind.NONE;
    }

    /** Every repeatable option of the tool also takes a comma-separated list ({@code --regions CN,HK}). */
    boolean commaList() {
      return repeatable && kind == ValueKind.WORDS;
    }
  }

  /** One command: its words after {@code cloudmetrics}, what it is, its subcommands and options. */
  record CompletedCommand(List<String> path, String description, List<CompletedCommand> subcommands,
      List<CompletedOption> options) {
    String name() {
      return path.isEmpty() ? "cloudmetrics" : path.get(path.size() - 1);
    }

    /** The path as one identifier: {@code cloudmetrics_cdn_online_users}. */
    String functionName() {
      return String.join("_", prepend("cloudmetrics", path)).replace('-', '_');
    }
  }

  /** Writes {@code BASH_FILE ZSH_FILE} for the whole command tree; the build runs this. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: CompletionScripts BASH_FILE ZSH_FILE");
    }
    CompletedCommand root = model();
    Files.writeString(Path.of(args[0]), bash(root), StandardCharsets.UTF_8);
    Files.writeString(Path.of(args[1]), zsh(root), StandardCharsets.UTF_8);
  }

  static CompletedCommand model() {
    return command(new CommandLine(new CommandTree()).getCommandSpec(), List.of());
  }

  private static CompletedCommand command(CommandSpec spec, List<String> path) {
    List<CompletedCommand> subcommands = new ArrayList<>();
    spec.subcommands().forEach((name, sub) -> {
      if (name.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) {
        subcommands.add(command(sub.getCommandSpec(), append(path, name)));
      }
    });
    List<CompletedOption> options = spec.options().stream().filter(o -> !o.hidden()).map(CompletionScripts::option).toList();
    return new CompletedCommand(path, summary(spec), subcommands, options);
  }

  private static CompletedOption option(OptionSpec option) {
    List<String> words = new ArrayList<>();
    if (option.completionCandidates() != null) {
      option.completionCandidates().forEach(words::add);
    }
    ValueKind kind;
    if (option.arity().max() == 0) {
      kind = ValueKind.NONE;
    } else if (!words.isEmpty()) {
      kind = ValueKind.WORDS;
    } else if (option.type() == ZoneId.class) {
      kind = ValueKind.ZONES;
    } else if (option.type() == Path.class || "FILE".equals(option.paramLabel())) {
      kind = ValueKind.FILES;
    } else {
      kind = ValueKind.FREE;
    }
    return new CompletedOption(List.of(option.names()), firstSentence(option.description()), kind, words,
        option.isMultiValue());
  }

  private static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    return firstSentence(header.length > 0 ? header : spec.usageMessage().description());
  }

  /** The first sentence of a help text, without its full stop: a completion menu has one line. */
  static String firstSentence(String[] text) {
    String all = String.join(" ", text).replaceAll("%n", " ").replaceAll("\\s+", " ").trim();
    java.util.regex.Matcher stop = SENTENCE_END.matcher(all);
    String sentence = stop.find() ? all.substring(0, stop.start()) : all;
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }

  // --- bash --------------------------------------------------------------------------------------

  static String bash(CompletedCommand root) {
    StringBuilder script = new StringBuilder();
    script.append("# bash completion for cloudmetrics: source it, or put it in /etc/bash_completion.d/.\n")
        .append("# Generated from the command definitions by the build (dev.cloudmetrics.cli.CompletionScripts): do not edit.\n\n");
    script.append("""
        # The words offered for one value; a comma-separated list completes its last item.
        _cloudmetrics_words() {
          local cur=$1 list= item
          shift
          [[ $cur == *,* ]] && list=${cur%,*},
          for item in "$@"; do
            [[ ,$list == *,$item,* ]] || COMPREPLY+=("$list$item")
          done
          COMPREPLY=($(compgen -W "${COMPREPLY[*]}" -- "$cur"))
        }

        # Time zones as the machine's tz database names them (Region/City, what --tz takes), and UTC.
        _cloudmetrics_zones() {
          local zones
          zones=$(cd /usr/share/zoneinfo 2>/dev/null && find [A-Z]*/ -type f 2>/dev/null)
          COMPREPLY=($(compgen -W "UTC $zones" -- "$1"))
        }

        _cloudmetrics_files() {
          compopt -o filenames 2>/dev/null
          COMPREPLY=($(compgen -f -- "$1"))
        }

        """);
    script.append("_complete_cloudmetrics() {\n")
        .append("  local cur=${COMP_WORDS[COMP_CWORD]} option= word path= i=1 next\n")
        .append("  COMPREPLY=()\n")
        .append("  # The command the words before the cursor name; options' values are skipped.\n")
        .append("  # bash splits --format=csv into three words ('=' breaks words): that is one option and its value.\n")
        .append("  while ((i < COMP_CWORD)); do\n")
        .append("    word=${COMP_WORDS[i]}\n")
        .append("    next=${COMP_WORDS[i + 1]:-}\n")
        .append("    if [[ $next == = ]]; then\n")
        .append("      ((i += 3))\n")
        .append("    elif _cloudmetrics_takes_value \"$path\" \"$word\"; then\n")
        .append("      ((i += 2))\n")
        .append("    else\n")
        .append("      _cloudmetrics_is_command \"$path\" \"$word\" && path=\"${path:+$path }$word\"\n")
        .append("      ((i += 1))\n")
        .append("    fi\n")
        .append("  done\n")
        .append("  # A value: after '--option=' (cur is '=' or the value after it) or after an option that takes one.\n")
        .append("  if [[ $cur == = ]]; then\n")
        .append("    option=${COMP_WORDS[COMP_CWORD - 1]} cur=\n")
        .append("  elif ((COMP_CWORD >= 2)) && [[ ${COMP_WORDS[COMP_CWORD - 1]} == = ]]; then\n")
        .append("    option=${COMP_WORDS[COMP_CWORD - 2]}\n")
        .append("  elif ((COMP_CWORD >= 1 && i == COMP_CWORD + 1)); then\n")
        .append("    option=${COMP_WORDS[COMP_CWORD - 1]}\n")
        .append("  fi\n")
        .append("  if [[ -n $option ]]; then\n")
        .append("    _cloudmetrics_value \"$path\" \"$option\" \"$cur\"\n")
        .append("    return 0\n")
        .append("  fi\n")
        .append("  _cloudmetrics_words_here \"$path\" \"$cur\"\n")
        .append("}\n\n");

    List<CompletedCommand> all = flatten(root);
    script.append("# Whether OPTION of the command PATH takes a value.\n")
        .append("_cloudmetrics_takes_value() {\n  case \"$1|$2\" in\n");
    for (CompletedCommand command : all) {
      List<String> valued = command.options().stream().filter(CompletedOption::takesValue)
          .flatMap(o -> o.names().stream()).toList();
      if (!valued.isEmpty()) {
        script.append("    ").append(caseLabels(command, valued)).append(") return 0 ;;\n");
      }
    }
    script.append("  esac\n  return 1\n}\n\n");

    script.append("# Whether WORD is a subcommand of the command PATH.\n")
        .append("_cloudmetrics_is_command() {\n  case \"$1|$2\" in\n");
    for (CompletedCommand command : all) {
      if (!command.subcommands().isEmpty()) {
        script.append("    ").append(caseLabels(command, command.subcommands().stream().map(CompletedCommand::name).toList()))
            .append(") return 0 ;;\n");
      }
    }
    script.append("  esac\n  return 1\n}\n\n");

    script.append("# What the value of OPTION of the command PATH can be.\n")
        .append("_cloudmetrics_value() {\n  case \"$1|$2\" in\n");
    for (CompletedCommand command : all) {
      for (CompletedOption option : command.options()) {
        String action = switch (option.kind()) {
          case WORDS -> "_cloudmetrics_words \"$3\" " + String.join(" ", option.words());
          case FILES -> "_cloudmetrics_files \"$3\"";
          case ZONES -> "_cloudmetrics_zones \"$3\"";
          case NONE, FREE -> null;
        };
        if (action != null) {
          script.append("    ").append(caseLabels(command, option.names())).append(") ").append(action).append(" ;;\n");
        }
      }
    }
    script.append("  esac\n}\n\n");

    script.append("# Subcommands and options of the command PATH; a group offers its subcommands unless an option is begun.\n")
        .append("_cloudmetrics_words_here() {\n  local words\n  case $1 in\n");
    for (CompletedCommand command : all) {
      String options = command.options().stream().flatMap(o -> o.names().stream()).collect(Collectors.joining(" "));
      String subcommands = command.subcommands().stream().map(CompletedCommand::name).collect(Collectors.joining(" "));
      script.append("    \"").append(String.join(" ", command.path())).append("\")\n");
      if (subcommands.isEmpty()) {
        script.append("      words=\"").append(options).append("\" ;;\n");
      } else {
        script.append("      if [[ $2 == -* ]]; then words=\"").append(options).append("\"; else words=\"")
            .append(subcommands).append("\"; fi ;;\n");
      }
    }
    script.append("  esac\n  COMPREPLY=($(compgen -W \"$words\" -- \"$2\"))\n}\n\n");
    script.append("complete -F _complete_cloudmetrics cloudmetrics\n");
    return script.toString();
  }

  private static String caseLabels(CompletedCommand command, List<String> words) {
    String path = String.join(" ", command.path());
    return words.stream().map(word -> "\"" + path + "|" + word + "\"").collect(Collectors.joining(" | "));
  }

  // --- zsh ---------------------------------------------------------------------------------------

  static String zsh(CompletedCommand root) {
    StringBuilder script = new StringBuilder();
    script.append("#compdef cloudmetrics\n")
        .append("# zsh completion for cloudmetrics: put it on $fpath as _cloudmetrics, or source it after compinit.\n")
        .append("# Generated from the command definitions by the build (dev.cloudmetrics.cli.CompletionScripts): do not edit.\n\n");
    for (CompletedCommand command : flatten(root)) {
      zshFunction(script, command);
    }
    script.append("""
        if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
          _cloudmetrics "$@"
        else
          compdef _cloudmetrics cloudmetrics
        fi
        """);
    return script.toString();
  }

  private static void zshFunction(StringBuilder script, CompletedCommand command) {
    String function = "_" + command.functionName();
    script.append(function).append("() {\n");
    boolean group = !command.subcommands().isEmpty();
    if (group) {
      script.append("  local curcontext=$curcontext state line\n  typeset -A opt_args\n");
    }
    script.append("  _arguments -s -S").append(group ? " -C" : "");
    for (CompletedOption option : command.options()) {
      script.append(" \\\n    ").append(zshSpec(option));
    }
    if (group) {
      script.append(" \\\n    ': :->command' \\\n    '*:: :->argument'\n");
      script.append("  case $state in\n    command)\n      local -a commands=(\n");
      for (CompletedCommand sub : command.subcommands()) {
        script.append("        ").append(zshQuote(sub.name() + ":" + sub.description())).append("\n");
      }
      script.append("      )\n      _describe -t commands 'cloudmetrics command' commands ;;\n");
      script.append("    argument)\n      curcontext=${curcontext%:*:*}:").append(command.functionName().replace('_', '-'))
          .append("-$line[1]:\n      case $line[1] in\n");
      for (CompletedCommand sub : command.subcommands()) {
        script.append("        ").append(sub.name()).append(") _").append(sub.functionName()).append(" ;;\n");
      }
      script.append("      esac ;;\n  esac\n");
    } else {
      script.append("\n");
    }
    script.append("}\n\n");
  }

  /**
   * One {@code _arguments} spec: an option's names exclude each other unless it may be repeated;
   * then its description and what its value can be.
   */
  private static String zshSpec(CompletedOption option) {
    String value = switch (option.kind()) {
      case NONE -> "";
      case FREE -> ":" + label(option) + ": ";
      case FILES -> ":file:_files";
      case ZONES -> ":time zone:_time_zone";
      case WORDS -> option.commaList()
          ? ":" + label(option) + ":_values -s , " + label(option) + " " + String.join(" ", option.words())
          : ":" + label(option) + ":(" + String.join(" ", option.words()) + ")";
    };
    String rest = "[" + zshEscapeBrackets(option.description()) + "]" + value;
    List<String> names = option.names();
    String prefix = option.repeatable() ? "*" : names.size() > 1 ? "(" + String.join(" ", names) + ")" : "";
    if (names.size() == 1) {
      return zshQuote(prefix + nameSpec(names.get(0), option) + rest);
    }
    String alternatives = names.stream().map(name -> nameSpec(name, option)).collect(Collectors.joining(","));
    return zshQuote(prefix) + "{" + alternatives + "}" + zshQuote(rest);
  }

  /** A long option that takes a value also takes it after '=' ({@code --format=csv}). */
  private static String nameSpec(String name, CompletedOption option) {
    return option.takesValue() && name.startsWith("--") ? name + "=" : name;
  }

  private static String label(CompletedOption option) {
    return option.names().get(option.names().size() - 1).replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
  }

  private static String zshQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private static String zshEscapeBrackets(String text) {
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
  }

  // --- the tree ----------------------------------------------------------------------------------

  private static List<CompletedCommand> flatten(CompletedCommand command) {
    List<CompletedCommand> all = new ArrayList<>(List.of(command));
    command.subcommands().forEach(sub -> all.addAll(flatten(sub)));
    return all;
  }

  private static List<String> append(List<String> list, String element) {
    List<String> longer = new ArrayList<>(list);
    longer.add(element);
    return List.copyOf(longer);
  }

  private static List<String> prepend(String element, List<String> list) {
    List<String> longer = new ArrayList<>(List.of(element));
    longer.addAll(list);
    return longer;
  }
}
