package dev.cloudmetrics.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a format name in any letter case. */
  public static OutputFormat parse(String text) {
    for (OutputFormat format : values()) {
      if (format.id().equalsIgnoreCase(text)) {
        return format;
      }
    }
    throw new IllegalArgumentException("must be one of "
        + Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining(", ")));
  }
}
