package dev.cloudmetrics.output;

import java.util.List;

/**
 * What a series is called in a wide header, a summary or a chart legend: its label values joined by
 * a space ({@code app1 online_user_count}, {@code rtmp://a/live/x CN}), or the value column's name
 * for a series without labels ({@code online_users}). It depends only on the labels, so the same
 * series has the same name in every run.
 */
final class SeriesName {
  private SeriesName() {}

  static String of(RowSchema schema, List<String> labels) {
    return labels.isEmpty() ? schema.valueColumn() : String.join(" ", labels);
  }
}
