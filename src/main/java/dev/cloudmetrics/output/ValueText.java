package dev.cloudmetrics.output;

import java.math.BigDecimal;

/** A value as the API gave it, except that whole numbers lose their fraction and nothing is in E notation. */
final class ValueText {
  private ValueText() {}

  static String of(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    // 12.50 keeps its scale (the API's own precision); only 1234.0 and 1.2E+3 become plain integers.
    return stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : value.toPlainString();
  }
}
