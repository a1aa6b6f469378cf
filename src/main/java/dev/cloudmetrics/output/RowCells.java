package dev.cloudmetrics.output;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A row as the texts of its cells, in the order of {@link RowSchema#columns()}. */
final class RowCells {
  private RowCells() {}

  static List<String> of(RowSchema schema, Row row, ZoneId zone) {
    return of(schema, row, zone, TimeFormat.ISO);
  }

  static List<String> of(RowSchema schema, Row row, ZoneId zone, TimeFormat timeFormat) {
    requireFits(schema, row);
    List<String> cells = new ArrayList<>(row.labels().size() + 2);
    cells.add(timeFormat.format(row.time(), zone));
    cells.addAll(row.labels());
    cells.add(ValueText.of(row.value()));
    return cells;
  }

  static void requireFits(RowSchema schema, Row row) {
    if (row.labels().size() != schema.labelColumns().size()) {
      throw new IllegalArgumentException("row has " + row.labels().size() + " labels, schema "
          + schema.command() + " has " + schema.labelColumns().size() + " label columns");
    }
  }
}
