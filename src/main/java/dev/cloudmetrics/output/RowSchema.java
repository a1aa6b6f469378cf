package dev.cloudmetrics.output;

import java.util.List;

/**
 * The columns of a command's rows: {@code time}, then the label columns, then the value column.
 * {@code command} names the command in JSON output (e.g. {@code "cdn online-users"}).
 */
public record RowSchema(String command, List<String> labelColumns, String valueColumn) {
  public RowSchema {
    labelColumns = List.copyOf(labelColumns);
  }

  /** Every column name in output order, starting with {@code time}. */
  public List<String> columns() {
    var all = new java.util.ArrayList<String>();
    all.add("time");
    all.addAll(labelColumns);
    all.add(valueColumn);
    return List.copyOf(all);
  }
}
