package dev.cloudmetrics.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A strict reader of InfluxDB line protocol, written from its reference
 * (docs.influxdata.com, "Line protocol"), for checking what we write:
 * {@code measurement[,tag=value…] field=value[,field=value…] [timestamp]}, one point a line.
 *
 * <p>What it enforces: a measurement not empty and not starting with {@code #}, escaping comma and
 * space; tag keys, tag values and field keys not empty, escaping comma, equals sign and space; a
 * backslash before anything else is itself escaped ({@code \\}); at least one field; float fields
 * as the reference writes them ({@code 1}, {@code -1.5}, {@code 1e5}) — integers ({@code 1i}),
 * strings and booleans are refused, since we only write floats; a timestamp of digits (ns); no
 * line break inside a line.
 */
public final class InfluxLines {
  private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern TIMESTAMP = Pattern.compile("-?\\d{1,19}");

  /** One point, its escapes undone. */
  public record Point(String measurement, Map<String, String> tags, Map<String, Double> fields, OptionalLong timestamp) {}

  private final String line;
  private int position;

  private InfluxLines(String line) {
    this.line = line;
  }

  /** Reads every line; throws {@link IllegalArgumentException} naming the line on any violation. */
  public static List<Point> parse(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the last line does not end with a line feed");
    }
    List<Point> points = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) {
      try {
        points.add(new InfluxLines(lines[i]).point());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + " '" + lines[i] + "': " + e.getMessage(), e);
      }
    }
    return points;
  }

  private Point point() {
    if (line.contains("\r")) {
      throw new IllegalArgumentException("a carriage return inside the line");
    }
    String measurement = token(", ", "measurement");
    if (measurement.startsWith("#")) {
      throw new IllegalArgumentException("a measurement starting with # is a comment");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    while (position < line.length() && line.charAt(position) == ',') {
      position++;
      String key = token("=, ", "tag key");
      expect('=');
      String value = token(", ", "tag value");
      if (tags.put(key, value) != null) {
        throw new IllegalArgumentException("tag " + key + " twice");
      }
    }
    expect(' ');
    Map<String, Double> fields = new LinkedHashMap<>();
    do {
      String key = token("=, ", "field key");
      expect('=');
      int start = position;
      while (position < line.length() && line.charAt(position) != ',' && line.charAt(position) != ' ') {
        position++;
      }
      String value = line.substring(start, position);
      if (!FLOAT.matcher(value).matches()) {
        throw new IllegalArgumentException("field " + key + " is not a float: '" + value + "'");
      }
      fields.put(key, Double.parseDouble(value));
    } while (position < line.length() && line.charAt(position++) == ',');
    OptionalLong timestamp = OptionalLong.empty();
    if (position < line.length() || line.endsWith(" ")) {
      String rest = line.substring(position);
      if (!TIMESTAMP.matcher(rest).matches()) {
        throw new IllegalArgumentException("invalid timestamp '" + rest + "'");
      }
      timestamp = OptionalLong.of(Long.parseLong(rest));
    }
    return new Point(measurement, tags, fields, timestamp);
  }

  /** Reads up to an unescaped character of {@code ends}, undoing escapes; refuses an empty token. */
  private String token(String ends, String what) {
    StringBuilder out = new StringBuilder();
    while (position < line.length() && ends.indexOf(line.charAt(position)) < 0) {
      char c = line.charAt(position++);
      if (c == '\\') {
        if (position >= line.length()) {
          throw new IllegalArgumentException(what + " ends in a lone backslash");
        }
        char next = line.charAt(position);
        if (next == '\\' || ends.indexOf(next) >= 0 || next == '=' || next == ',' || next == ' ') {
          out.append(next);
          position++;
          continue;
        }
        throw new IllegalArgumentException(what + " has an unescaped backslash before '" + next + "'");
      }
      out.append(c);
    }
    if (out.length() == 0) {
      throw new IllegalArgumentException("empty " + what);
    }
    return out.toString();
  }

  private void expect(char c) {
    if (position >= line.length() || line.charAt(position) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + position);
    }
    position++;
  }
}
