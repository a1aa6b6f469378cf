package dev.cloudmetrics.output;

/**
 * Text from outside (a server, a file) made safe to show on a terminal or in a log line: control
 * characters and the bidirectional overrides become visible escapes ({@code \n}, {@code \x1b},
 * {@code \u202e}), so that nothing sent can move the cursor, recolour the screen, reorder what is
 * shown or forge another {@code cloudmetrics:} line.
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code text} with every character a terminal would act on written as an escape; the rest as is. */
  public static String escape(String text) {
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isUnsafe(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x100) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /** Whether {@code text} holds a character {@link #escape} would change. */
  public static boolean hasUnsafe(String text) {
    return firstUnsafe(text) >= 0;
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isUnsafe(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional embeddings,
   * overrides, isolates and marks (the "Trojan Source" characters).
   */
  static boolean isUnsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e' || c == '\u200f' || c == '\u061c';
  }
}
