package dev.cloudmetrics.output;

/** Escapes of the InfluxDB line protocol. */
final class InfluxText {
  private InfluxText() {}

  /** A measurement escapes backslash, comma and space. */
  static String measurement(String name) {
    return escape(name, ", ");
  }

  /** Tag keys, tag values and field keys escape backslash, comma, equals sign and space. */
  static String key(String text) {
    return escape(text, ",= ");
  }

  private static String escape(String text, String special) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        // The protocol has no way to write a line break inside a name or tag: a space stands in.
        out.append("\\ ");
      } else {
        if (c == '\\' || special.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
