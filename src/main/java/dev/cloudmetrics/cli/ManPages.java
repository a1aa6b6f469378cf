package dev.cloudmetrics.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finishes the AsciiDoc man pages picocli writes from the command model (the build runs this
 * between picocli's generator and Asciidoctor): brackets inside a value's name are escaped, so
 * that {@code --regions=CODE[,CODE...]} stays whole in the synopsis, and every page gets the
 * manual's EXIT STATUS, ENVIRONMENT and FILES sections ({@link ManualSections}).
 */
public final class ManPages {
  /** A value's name in italics, e.g. {@code _CODE[,CODE...]_}. */
  private static final Pattern VALUE = Pattern.compile("=_([^_\\s]+)_");
  private static final Pattern ATTRIBUTE = Pattern.compile("\\{(\\w[\\w-]*)\\}");
  private static final String FOOTER_TAG = "// tag::picocli-generated-man-section-footer[]";

  private ManPages() {}

  /** Finishes every {@code .adoc} file of the directory given, in place. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ManPages ADOC_DIRECTORY");
    }
    List<Section> sections = ManualSections.load().stream().map(Section::new).toList();
    try (Stream<Path> pages = Files.list(Path.of(args[0]))) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
        Files.writeString(page, finish(Files.readString(page, StandardCharsets.UTF_8), sections), StandardCharsets.UTF_8);
      }
    }
  }

  static String finish(String page, List<Section> sections) {
    Matcher value = VALUE.matcher(page);
    String escaped = value.replaceAll(match -> Matcher.quoteReplacement(
        "=_" + match.group(1).replace("[", "{startsb}").replace("]", "{endsb}") + "_"));
    int footer = escaped.indexOf(FOOTER_TAG);
    if (footer < 0) {
      throw new IllegalStateException("no footer section in a man page picocli wrote: its layout changed");
    }
    StringBuilder added = new StringBuilder();
    sections.forEach(section -> added.append(section.asciidoc()));
    return escaped.substring(0, footer) + added + escaped.substring(footer);
  }

  /** One section of the manual as AsciiDoc: a level-2 heading and a definition list. */
  record Section(ManualSections.Section source) {
    String asciidoc() {
      StringBuilder text = new StringBuilder("// tag::cloudmetrics-man-section-")
          .append(tagName()).append("[]\n== ").append(source.heading()).append("\n\n");
      for (Map.Entry<String, String> entry : source.entries().entrySet()) {
        text.append("*").append(escape(entry.getKey())).append("*::\n  ").append(escape(entry.getValue())).append("\n\n");
      }
      return text.append("// end::cloudmetrics-man-section-").append(tagName()).append("[]\n\n").toString();
    }

    private String tagName() {
      return source.heading().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** Text as it reads, not as markup: AsciiDoc takes {@code {name}}, {@code ~} pairs and {@code *} for markup. */
    private static String escape(String text) {
      return ATTRIBUTE.matcher(text).replaceAll("\\\\{$1}").replace("~", "{tilde}").replace("*", "{asterisk}");
    }
  }
}
