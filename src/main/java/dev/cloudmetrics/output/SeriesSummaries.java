package dev.cloudmetrics.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The summary of every series in a run, in the order the series first appeared. */
final class SeriesSummaries {
  private final RowSchema schema;
  private final Map<List<String>, SeriesSummary.Builder> bySeries = new LinkedHashMap<>();

  SeriesSummaries(RowSchema schema) {
    this.schema = schema;
  }

  void add(Row row) {
    bySeries.computeIfAbsent(row.labels(), labels -> new SeriesSummary.Builder(SeriesName.of(schema, labels)))
        .add(row.time(), row.value());
  }

  List<SeriesSummary> summaries() {
    return bySeries.values().stream().map(SeriesSummary.Builder::build).toList();
  }
}
