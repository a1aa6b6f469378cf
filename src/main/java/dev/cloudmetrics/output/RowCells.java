package dev.cloudmetrics.output;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A row as the texts of its cells, in the order of {@link RowSchema#columns()}. */
final class RowCells {
  private RowCells() {}

  static List<String> of(RowSchema schema, Row row, ZoneId zone) {
    if (row.labels().size() != schema.labelColumns().size()) {
      throw new IllegalArgumentException("row has " + row.labels().size() + " labels, schema "
          + schema.command() + " has " + schema.labelColumns().size() + " label columns");
    }
    List<String> cells = new ArrayList<>(row.labels().size() + 2);
    cells.add(TimeText.of(row.time(), zone));
    cells.addAll(row.labels());
    cells.add(ValueText.of(row.value()));
    return cells;
  }
}
