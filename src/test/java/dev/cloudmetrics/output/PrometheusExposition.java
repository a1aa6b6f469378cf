package dev.cloudmetrics.output;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, written from its specification
 * (prometheus.io/docs/instrumenting/exposition_formats), for checking what we write: it throws on
 * anything the format does not allow, where Prometheus' own parser would refuse the scrape.
 *
 * <p>What it enforces: lines end in a line feed, the last one too; {@code # HELP name text} with only
 * {@code \\} and {@code \n} escapes, {@code # TYPE name type} with a known type, each at most once per
 * name and before that name's first sample; metric names {@code [a-zA-Z_:][a-zA-Z0-9_:]*}; label names
 * {@code [a-zA-Z_][a-zA-Z0-9_]*}, not {@code __}-prefixed, unique in a sample; label values in double
 * quotes with only {@code \\}, {@code \"} and {@code \n} escapes; a value Go's ParseFloat reads (or
 * NaN, +Inf, -Inf); an optional integer timestamp in ms; a family's lines together; no label set twice.
 */
public final class PrometheusExposition {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Inf|NaN");
  private static final Pattern TIMESTAMP = Pattern.compile("-?\\d{1,19}");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

  /** One sample line, its escapes undone. */
  public record Sample(String metric, Map<String, String> labels, double value, Optional<Long> timestamp) {}

  /** A metric family: its HELP text (unescaped), its TYPE, its samples in order. */
  public record Family(String name, Optional<String> help, Optional<String> type, List<Sample> samples) {}

  private final Map<String, Family> families = new LinkedHashMap<>();

  private PrometheusExposition() {}

  /** Reads a whole exposition; throws {@link IllegalArgumentException} naming the line on any violation. */
  public static Map<String, Family> parse(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the last line does not end with a line feed");
    }
    PrometheusExposition exposition = new PrometheusExposition();
    String[] lines = text.split("\n", -1);
    String current = null;
    Set<String> closed = new HashSet<>();
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i].strip();
      try {
        if (line.isEmpty()) {
          continue;
        }
        String name = line.startsWith("#") ? exposition.comment(line) : exposition.sample(line);
        if (name == null) {
          continue;
        }
        if (!name.equals(current)) {
          if (closed.contains(name)) {
            throw new IllegalArgumentException("lines of " + name + " are not together");
          }
          if (current != null) {
            closed.add(current);
          }
          current = name;
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + " '" + lines[i] + "': " + e.getMessage(), e);
      }
    }
    return exposition.families;
  }

  private String comment(String line) {
    String[] tokens = line.substring(1).strip().split("[ \t]+", 3);
    if (!tokens[0].equals("HELP") && !tokens[0].equals("TYPE")) {
      return null;
    }
    if (tokens.length < 2 || !METRIC_NAME.matcher(tokens[1]).matches()) {
      throw new IllegalArgumentException(tokens[0] + " without a valid metric name");
    }
    Family family = families.computeIfAbsent(tokens[1],
        name -> new Family(name, Optional.empty(), Optional.empty(), new ArrayList<>()));
    if (tokens[0].equals("HELP")) {
      if (family.help().isPresent()) {
        throw new IllegalArgumentException("a second HELP for " + tokens[1]);
      }
      families.put(tokens[1], new Family(tokens[1], Optional.of(unescape(tokens.length > 2 ? tokens[2] : "", false)),
          family.type(), family.samples()));
    } else {
      if (family.type().isPresent()) {
        throw new IllegalArgumentException("a second TYPE for " + tokens[1]);
      }
      if (!family.samples().isEmpty()) {
        throw new IllegalArgumentException("TYPE after the first sample of " + tokens[1]);
      }
      if (tokens.length != 3 || !TYPES.contains(tokens[2])) {
        throw new IllegalArgumentException("TYPE needs one of " + TYPES);
      }
      families.put(tokens[1], new Family(tokens[1], family.help(), Optional.of(tokens[2]), family.samples()));
    }
    return tokens[1];
  }

  private String sample(String line) {
    int position = 0;
    while (position < line.length() && "{ \t".indexOf(line.charAt(position)) < 0) {
      position++;
    }
    String metric = line.substring(0, position);
    if (!METRIC_NAME.matcher(metric).matches()) {
      throw new IllegalArgumentException("invalid metric name '" + metric + "'");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (position < line.length() && line.charAt(position) == '{') {
      position = labels(line, position + 1, labels);
    }
    String[] rest = line.substring(position).strip().split("[ \t]+");
    if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
      throw new IllegalArgumentException("expected a value and an optional timestamp");
    }
    if (!FLOAT.matcher(rest[0]).matches()) {
      throw new IllegalArgumentException("invalid value '" + rest[0] + "'");
    }
    if (rest.length == 2 && !TIMESTAMP.matcher(rest[1]).matches()) {
      throw new IllegalArgumentException("invalid timestamp '" + rest[1] + "'");
    }
    Family family = families.computeIfAbsent(metric,
        name -> new Family(name, Optional.empty(), Optional.empty(), new ArrayList<>()));
    if (family.samples().stream().anyMatch(sample -> sample.labels().equals(labels))) {
      throw new IllegalArgumentException("the label set " + labels + " of " + metric + " appears twice");
    }
    double value = rest[0].endsWith("Inf") ? (rest[0].startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
        : Double.parseDouble(rest[0]);
    family.samples().add(new Sample(metric, labels, value,
        rest.length == 2 ? Optional.of(Long.parseLong(rest[1])) : Optional.empty()));
    return metric;
  }

  /** Reads {@code name="value",…} up to the closing brace; returns the position after it. */
  private static int labels(String line, int start, Map<String, String> labels) {
    int position = start;
    while (true) {
      position = skipBlanks(line, position);
      if (position < line.length() && line.charAt(position) == '}') {
        return position + 1;
      }
      int nameStart = position;
      while (position < line.length() && "= \t".indexOf(line.charAt(position)) < 0) {
        position++;
      }
      String name = line.substring(nameStart, position);
      if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
        throw new IllegalArgumentException("invalid label name '" + name + "'");
      }
      position = skipBlanks(line, position);
      if (position >= line.length() || line.charAt(position) != '=') {
        throw new IllegalArgumentException("no '=' after label " + name);
      }
      position = skipBlanks(line, position + 1);
      if (position >= line.length() || line.charAt(position) != '"') {
        throw new IllegalArgumentException("label value of " + name + " not in double quotes");
      }
      StringBuilder raw = new StringBuilder();
      position++;
      while (true) {
        if (position >= line.length()) {
          throw new IllegalArgumentException("unterminated label value of " + name);
        }
        char c = line.charAt(position);
        if (c == '"') {
          break;
        }
        if (c == '\\' && position + 1 < line.length()) {
          raw.append(c);
          position++;
          c = line.charAt(position);
        }
        raw.append(c);
        position++;
      }
      if (labels.put(name, unescape(raw.toString(), true)) != null) {
        throw new IllegalArgumentException("label " + name + " twice");
      }
      position = skipBlanks(line, position + 1);
      if (position < line.length() && line.charAt(position) == ',') {
        position++;
      } else if (position >= line.length() || line.charAt(position) != '}') {
        throw new IllegalArgumentException("expected ',' or '}' after label " + name);
      }
    }
  }

  private static String unescape(String text, boolean quotes) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 >= text.length()) {
        throw new IllegalArgumentException("a lone backslash at the end of '" + text + "'");
      }
      char next = text.charAt(++i);
      switch (next) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case '"' -> {
          if (!quotes) {
            throw new IllegalArgumentException("\\\" is not an escape in HELP text");
          }
          out.append('"');
        }
        default -> throw new IllegalArgumentException("invalid escape \\" + next);
      }
    }
    return out.toString();
  }

  private static int skipBlanks(String line, int position) {
    while (position < line.length() && (line.charAt(position) == ' ' || line.charAt(position) == '\t')) {
      position++;
    }
    return position;
  }
}
