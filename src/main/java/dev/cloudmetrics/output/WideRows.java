package dev.cloudmetrics.output;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Points regrouped as one row per time with one column per series, for the wide layout. Series are
 * columns in the order they first appear (the order the apps, indicators or streams were asked for);
 * a series without a point at some time has an empty cell there.
 */
final class WideRows {
  private final RowSchema schema;
  private final Map<List<String>, Integer> columnOfSeries = new LinkedHashMap<>();
  private final SortedMap<Instant, Map<Integer, BigDecimal>> valuesByTime = new TreeMap<>();

  WideRows(RowSchema schema) {
    this.schema = schema;
  }

  void add(Row row) {
    RowCells.requireFits(schema, row);
    int column = columnOfSeries.computeIfAbsent(row.labels(), labels -> columnOfSeries.size());
    valuesByTime.computeIfAbsent(row.time(), time -> new HashMap<>()).put(column, row.value());
  }

  /** {@code time}, then the name of each series. */
  List<String> header() {
    List<String> header = new ArrayList<>();
    header.add("time");
    columnOfSeries.keySet().forEach(labels -> header.add(SeriesName.of(schema, labels)));
    return header;
  }

  /** One list of cells per time, in time order, as wide as {@link #header()}. */
  List<List<String>> rows(ZoneId zone, TimeFormat timeFormat) {
    List<List<String>> rows = new ArrayList<>(valuesByTime.size());
    valuesByTime.forEach((time, values) -> {
      List<String> cells = new ArrayList<>(columnOfSeries.size() + 1);
      cells.add(timeFormat.format(time, zone));
      for (int column = 0; column < columnOfSeries.size(); column++) {
        BigDecimal value = values.get(column);
        cells.add(value == null ? "" : ValueText.of(value));
      }
      rows.add(cells);
    });
    return rows;
  }
}
