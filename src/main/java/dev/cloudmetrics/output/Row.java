package dev.cloudmetrics.output;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One data point of either API: the start of its bucket, its series labels (in the order of the
 * schema's label columns) and its value exactly as the API gave it.
 */
public record Row(Instant time, List<String> labels, BigDecimal value) {
  public Row {
    labels = List.copyOf(labels);
  }
}
