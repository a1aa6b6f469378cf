package dev.cloudmetrics.output;

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
}
