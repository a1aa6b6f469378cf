package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.Row;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Counts what an export to a file wrote, for the one line that tells a watching user where it went. */
final class ExportSummary {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

  private long rows;
  private final Set<List<String>> series = new HashSet<>();
  private Instant first;
  private Instant last;

  void add(Row row) {
    rows++;
    series.add(row.labels());
    first = first == null || row.time().isBefore(first) ? row.time() : first;
    last = last == null || row.time().isAfter(last) ? row.time() : last;
  }

  /** E.g. {@code wrote 24 rows, 2 series, buckets 2024-05-20T10:00+08:00 to 2024-05-20T10:55+08:00, to m.csv}. */
  String line(Path file, ZoneId zone) {
    String window = first == null ? "no buckets"
        : "buckets " + MINUTES.format(first.atZone(zone)) + " to " + MINUTES.format(last.atZone(zone));
    return "wrote " + rows + (rows == 1 ? " row, " : " rows, ") + series.size() + " series, " + window + ", to " + file;
  }
}
