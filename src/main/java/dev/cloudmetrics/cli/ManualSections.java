package dev.cloudmetrics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exit status, environment and files of the manual, read from one text resource: the root
 * command's {@code --help} shows them and the build writes them into every man page.
 */
final class ManualSections {
  static final String RESOURCE = "/dev/cloudmetrics/cli/manual-sections.txt";
  private static final int TEXT_INDENT = 8;

  /** One section: its heading and its entries, term to text, in order. */
  record Section(String heading, Map<String, String> entries) {}

  private ManualSections() {}

  static List<Section> load() {
    try (InputStream in = ManualSections.class.getResourceAsStream(RESOURCE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Section> parse(String text) {
    List<Section> sections = new ArrayList<>();
    String heading = null;
    Map<String, String> entries = new LinkedHashMap<>();
    for (String line : (text + "\n\n").split("\n", -1)) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (heading != null) {
          sections.add(new Section(heading, Collections.unmodifiableMap(new LinkedHashMap<>(entries))));
        }
        heading = null;
        entries.clear();
      } else if (heading == null) {
        heading = line.trim();
      } else {
        String[] entry = line.split("\t", 2);
        if (entry.length != 2) {
          throw new IllegalStateException(RESOURCE + ": no tab between term and text in '" + line + "'");
        }
        entries.put(entry[0], entry[1]);
      }
    }
    return List.copyOf(sections);
  }

  /**
   * The sections as {@code --help} shows them: a heading, then each term with its text indented
   * below it (beside it when the term is short), wrapped at spaces only, so that no path or
   * variable name is split.
   */
  static String help(int width) {
    StringBuilder text = new StringBuilder();
    for (Section section : load()) {
      text.append(String.format("%n%s:%n", section.heading()));
      section.entries().forEach((term, description) -> {
        StringBuilder line = new StringBuilder("  ").append(term);
        if (line.length() < TEXT_INDENT - 1) {
          line.append(" ".repeat(TEXT_INDENT - line.length()));
        } else {
          text.append(line).append(System.lineSeparator());
          line = new StringBuilder(" ".repeat(TEXT_INDENT));
        }
        for (String word : description.split(" ")) {
          if (line.length() > TEXT_INDENT && line.length() + 1 + word.length() > width) {
            text.append(line).append(System.lineSeparator());
            line = new StringBuilder(" ".repeat(TEXT_INDENT));
          }
          line.append(line.length() > TEXT_INDENT ? " " : "").append(word);
        }
        text.append(line).append(System.lineSeparator());
      });
    }
    return text.toString();
  }
}
