package dev.cloudmetrics.sync;

import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where one command's rows live in a database, and which series a run asks for: the table, its key
 * columns after {@code time} (some fixed for the whole run, such as the granularity), the value
 * column, the settings a table keeps for good (a CDN table's granularity and mode), and the series
 * keys of this run.
 */
public record SyncTable(
    RowSchema schema,
    String name,
    List<Column> keyColumns,
    Column valueColumn,
    List<String> fixedKey,
    Map<String, String> settings,
    boolean merged,
    List<List<String>> series) {

  /** A column and its SQL type, the same words in SQLite and PostgreSQL. */
  public record Column(String name, String type) {}

  public SyncTable {
    keyColumns = List.copyOf(keyColumns);
    fixedKey = List.copyOf(fixedKey);
    settings = Map.copyOf(settings);
    series = series.stream().map(List::copyOf).toList();
  }

  /** {@code rtc_realtime}: one series per app and indicator. */
  public static SyncTable rtc(RowSchema schema, List<String> appIds, List<String> indicators) {
    List<List<String>> series = new ArrayList<>();
    for (String app : appIds) {
      for (String indicator : indicators) {
        series.add(List.of(app, indicator));
      }
    }
    return new SyncTable(schema, "rtc_realtime",
        List.of(new Column("app_id", "TEXT"), new Column("indicator", "TEXT")), new Column("value", "NUMERIC"),
        List.of(), Map.of(), false, series);
  }

  /**
   * {@code cdn_online_users}: per stream, one series per stream and region; merged, one series
   * keyed {@code merged:HASH} (of the sorted stream URLs) and the sorted regions, so that two
   * different sets of streams or regions never share a key.
   */
  public static SyncTable cdn(RowSchema schema, int granularityMinutes, boolean perStream, List<String> streams,
      List<String> regions) {
    List<List<String>> series = new ArrayList<>();
    if (perStream) {
      for (String stream : streams) {
        for (String region : regions) {
          series.add(List.of(stream, region));
        }
      }
    } else {
      series.add(List.of(mergedStreams(streams), String.join(",", new TreeSet<>(regions))));
    }
    Map<String, String> settings = Map.of("granularity", Integer.toString(granularityMinutes),
        "mode", perStream ? "per-stream" : "merged");
    return new SyncTable(schema, "cdn_online_users",
        List.of(new Column("granularity", "INTEGER"), new Column("stream_url", "TEXT"), new Column("region", "TEXT")),
        new Column("online_users", "BIGINT"), List.of(Integer.toString(granularityMinutes)), settings, !perStream,
        series);
  }

  /** The label columns that vary between series: the key columns after the fixed ones. */
  public List<Column> seriesColumns() {
    return keyColumns.subList(fixedKey.size(), keyColumns.size());
  }

  /** The series key of a row: its labels, or for a merged run the one merged series. */
  public List<String> seriesOf(Row row) {
    return merged ? series.get(0) : row.labels();
  }

  /** The key {@code merged:HASH} of a set of streams, the same whatever their order. */
  static String mergedStreams(List<String> streams) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(String.join("\n", new TreeSet<>(streams)).getBytes(StandardCharsets.UTF_8));
      return "merged:" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
