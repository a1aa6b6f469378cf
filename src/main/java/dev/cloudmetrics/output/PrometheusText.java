package dev.cloudmetrics.output;

/** Names and escapes of the Prometheus text format, shared by -f prometheus and the exporter. */
public final class PrometheusText {
  private PrometheusText() {}

  /**
   * {@code cloudmetrics_<api>_<measure>}: the measure is the value column ({@code online_users}),
   * or, for a value column called just {@code value}, the label column that says what the value
   * measures, the last one ({@code indicator}); so {@code cloudmetrics_cdn_online_users} and
   * {@code cloudmetrics_rtc_indicator}.
   */
  public static String metricName(RowSchema schema) {
    String api = schema.command().split(" ", 2)[0];
    String measure = schema.valueColumn();
    if ("value".equals(measure) && !schema.labelColumns().isEmpty()) {
      measure = schema.labelColumns().get(schema.labelColumns().size() - 1);
    }
    return sanitise("cloudmetrics_" + api + "_" + measure);
  }

  /** The HELP text of a command's gauge. */
  public static String help(RowSchema schema) {
    String by = schema.labelColumns().isEmpty() ? "" : ", by " + String.join(" and ", schema.labelColumns());
    return "cloudmetrics " + schema.command() + ": " + schema.valueColumn() + " in the latest bucket" + by + ".";
  }

  /** A label name: letters, digits and underscores, not starting with a digit. */
  public static String labelName(String column) {
    String name = sanitise(column).replace(':', '_');
    return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }

  /** Label values escape backslash, double quote and line feed. */
  static String escapeLabelValue(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** HELP text escapes backslash and line feed. */
  static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String sanitise(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.chars().forEach(c -> out.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == ':') ? (char) c : '_'));
    return out.toString();
  }
}
