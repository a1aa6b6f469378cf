package dev.cloudmetrics.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The value axis of a chart: rows from {@code base} up in steps of 1, 2, 2.5 or 5 times
 * a power of ten, the smallest such step that fits every value; labels shortened to {@code k} or
 * {@code M} when the numbers get long.
 */
final class ValueAxis {
  private static final BigDecimal[] MANTISSAS = {
      BigDecimal.ONE, BigDecimal.valueOf(2), new BigDecimal("2.5"), BigDecimal.valueOf(5)};
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final BigDecimal base;
  private final BigDecimal step;
  private final int rows;

  private ValueAxis(BigDecimal base, BigDecimal step, int rows) {
    this.base = base;
    this.step = step;
    this.rows = rows;
  }

  /**
   * An axis of at most {@code rows} rows (an odd number, at least 3) that holds every value from
   * {@code min} to {@code max}, with the finest step that fits and no more rows than it needs.
   */
  static ValueAxis fit(BigDecimal min, BigDecimal max, int rows, boolean wholeNumbers) {
    BigDecimal low = min;
    BigDecimal high = max;
    if (low.compareTo(high) == 0) {
      // A flat line is drawn against zero rather than on an axis of no height.
      if (low.signum() > 0) {
        low = BigDecimal.ZERO;
      } else if (low.signum() < 0) {
        high = BigDecimal.ZERO;
      } else {
        high = BigDecimal.ONE;
      }
    }
    BigDecimal raw = high.subtract(low).divide(BigDecimal.valueOf(rows - 1L), 12, RoundingMode.CEILING);
    int exponent = raw.precision() - raw.scale() - 1;
    for (int power = exponent; ; power++) {
      for (BigDecimal mantissa : MANTISSAS) {
        BigDecimal step = mantissa.scaleByPowerOfTen(power).stripTrailingZeros();
        if (wholeNumbers && step.scale() > 0) {
          continue;
        }
        BigDecimal base = low.divide(step, 0, RoundingMode.FLOOR).multiply(step);
        int top = high.subtract(base).divide(step, 0, RoundingMode.CEILING).intValue();
        if (top <= rows - 1) {
          // No empty rows above the highest value beyond the one that makes the top row a labelled (even) one.
          return new ValueAxis(base, step, Math.max(2, top + top % 2) + 1);
        }
      }
    }
  }

  int rows() {
    return rows;
  }

  /** The same steps over {@code more} rows (a second axis beside one that took more). */
  ValueAxis withRows(int more) {
    return new ValueAxis(base, step, Math.max(rows, more));
  }

  /** The row nearest to {@code value}, 0 at the bottom. */
  int rowOf(double value) {
    long row = Math.round((value - base.doubleValue()) / step.doubleValue());
    return (int) Math.max(0, Math.min(rows - 1, row));
  }

  /** The label of a row, e.g. {@code 1200}, {@code 12.5} or {@code 40k}. */
  String label(int row) {
    BigDecimal value = base.add(step.multiply(BigDecimal.valueOf(row)));
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal top = base.add(step.multiply(BigDecimal.valueOf(rows - 1L))).abs();
    if (top.compareTo(MILLION.multiply(BigDecimal.TEN)) >= 0 && step.compareTo(MILLION.divide(BigDecimal.TEN)) >= 0) {
      return plain(value.divide(MILLION)) + "M";
    }
    if (top.compareTo(THOUSAND.multiply(BigDecimal.TEN)) >= 0 && step.compareTo(BigDecimal.valueOf(100)) >= 0) {
      return plain(value.divide(THOUSAND)) + "k";
    }
    return plain(value);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
