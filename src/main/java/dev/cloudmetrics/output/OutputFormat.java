package dev.cloudmetrics.output;

import java.util.Locale;
import java.util.Optional;

/** The formats rows can be written in, by the names users type after {@code --format}. */
public enum OutputFormat {
  TABLE,
  CSV,
  JSON,
  NDJSON,
  PROMETHEUS,
  INFLUX,
  CHART;

  /** The name on the command line, e.g. {@code ndjson}. */
  public String id() {
    return OptionNames.id(this);
  }

  /** Reads a format name in any letter case. */
  public static OutputFormat parse(String text) {
    return OptionNames.parse(values(), text);
  }

  /** The format a file name's extension asks for ({@code .csv}, {@code .json}, {@code .ndjson}, {@code .jsonl}, {@code .prom}, {@code .influx}, {@code .lp}), if any. */
  public static Optional<OutputFormat> forFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String extension = lower.substring(lower.lastIndexOf('.') + 1);
    if (extension.length() == lower.length()) {
      return Optional.empty();
    }
    return switch (extension) {
      case "csv" -> Optional.of(CSV);
      case "json" -> Optional.of(JSON);
      case "ndjson", "jsonl" -> Optional.of(NDJSON);
      case "prom" -> Optional.of(PROMETHEUS);
      case "influx", "lp" -> Optional.of(INFLUX);
      default -> Optional.empty();
    };
  }
}
