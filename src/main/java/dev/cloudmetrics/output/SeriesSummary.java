package dev.cloudmetrics.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** One series at a glance: its name, its peak and the first time it was reached, and its average. */
record SeriesSummary(String name, BigDecimal peak, Instant peakTime, BigDecimal average) {

  /** The average as text: rounded half up to one decimal more than the most precise value, without trailing zeros. */
  String averageText() {
    return average.signum() == 0 ? "0" : average.stripTrailingZeros().toPlainString();
  }

  /** Accumulates the points of one series in time order. */
  static final class Builder {
    private final String name;
    private BigDecimal peak;
    private Instant peakTime;
    private BigDecimal sum = BigDecimal.ZERO;
    private int points;
    private int scale;

    Builder(String name) {
      this.name = name;
    }

    void add(Instant time, BigDecimal value) {
      if (peak == null || value.compareTo(peak) > 0 || value.compareTo(peak) == 0 && time.isBefore(peakTime)) {
        peak = value;
        peakTime = time;
      }
      sum = sum.add(value);
      points++;
      scale = Math.max(scale, value.stripTrailingZeros().scale());
    }

    SeriesSummary build() {
      BigDecimal average = sum.divide(BigDecimal.valueOf(points), scale + 1, RoundingMode.HALF_UP);
      return new SeriesSummary(name, peak, peakTime, average);
    }
  }
}
