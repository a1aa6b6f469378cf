package dev.cloudmetrics.output;

import java.util.regex.Pattern;

/**
 * Keeps a spreadsheet from running a CSV text cell as a formula (OWASP "CSV injection"): a cell
 * that starts with {@code = + - @}, a tab or a carriage return gets a leading single quote, unless
 * it is a plain number such as {@code -12} or {@code +3.5}.
 */
final class FormulaGuard {
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private FormulaGuard() {}

  static String cell(String text) {
    if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
      return text;
    }
    return "'" + text;
  }
}
