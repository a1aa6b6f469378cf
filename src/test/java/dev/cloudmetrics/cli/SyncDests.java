package dev.cloudmetrics.cli;

import dev.cloudmetrics.sync.PostgresServer;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The three kinds of --sync DEST for the tests: where each lives, and what it holds, read back on its own terms. */
enum SyncDests {
  CSV, SQLITE, POSTGRESQL;

  /** One row of DEST: bucket start, series labels, value, and whether it was marked final. */
  record Held(Instant time, List<String> labels, String value, boolean isFinal) {}

  /** A new DEST of this kind for a table ({@code rtc} or {@code cdn}). */
  String create(Path directory, String name) {
    return switch (this) {
      case CSV -> directory.resolve(name + ".csv").toString();
      case SQLITE -> directory.resolve(name + ".db").toString();
      case POSTGRESQL -> PostgresServer.get().newDatabase();
    };
  }

  /** The environment a run needs for this DEST (PostgreSQL's password). */
  Map<String, String> environment() {
    return this == POSTGRESQL ? PostgresServer.passwordEnvironment() : Map.of();
  }

  boolean keepsProvisional() {
    return this != CSV;
  }

  /** Every row of DEST in its order (CSV: the file's; SQL: by time and labels). */
  List<Held> read(String dest, String table, List<String> labelColumns, String valueColumn) throws Exception {
    if (this == CSV) {
      return readCsv(Path.of(dest), labelColumns.size());
    }
    try (Connection connection = connect(dest); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT time, " + String.join(", ", labelColumns) + ", "
            + valueColumn + ", final FROM " + table + " ORDER BY time, " + String.join(", ", labelColumns))) {
      List<Held> rows = new ArrayList<>();
      while (result.next()) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < labelColumns.size(); i++) {
          labels.add(result.getString(2 + i));
        }
        rows.add(new Held(Instant.ofEpochSecond(result.getLong(1)), labels,
            // The number, not its scale: RTC sends 768.0, which SQLite keeps as 768 and PostgreSQL as 768.0.
            result.getBigDecimal(2 + labelColumns.size()).stripTrailingZeros().toPlainString(), result.getBoolean(3 + labelColumns.size())));
      }
      return rows;
    }
  }

  /** Everything DEST holds, as text, to show it was left untouched. */
  String snapshot(String dest) throws Exception {
    if (this == CSV) {
      return Files.exists(Path.of(dest)) ? Files.readString(Path.of(dest), StandardCharsets.UTF_8) : "";
    }
    StringBuilder all = new StringBuilder();
    try (Connection connection = connect(dest); Statement statement = connection.createStatement()) {
      for (String table : List.of("cloudmetrics_sync", "rtc_realtime", "cdn_online_users")) {
        try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2, 3")) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            for (int i = 1; i <= columns; i++) {
              all.append(result.getString(i)).append(i == columns ? "\n" : ",");
            }
          }
        } catch (SQLException missing) {
          all.append(table).append(" missing\n");
          if (this == POSTGRESQL) {
            connection.rollback();
          }
        }
      }
    }
    return all.toString();
  }

  Connection connect(String dest) throws SQLException {
    if (this == SQLITE) {
      return DriverManager.getConnection("jdbc:sqlite:" + dest);
    }
    Connection connection = PostgresServer.get().connectTo(dest);
    connection.setAutoCommit(false);
    return connection;
  }

  private static List<Held> readCsv(Path file, int labels) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    // Line ends may be CRLF or LF: read as lines, whatever the renderer's default.
    List<String> lines = Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    List<Held> rows = new ArrayList<>();
    try (Reader in = new StringReader(String.join("\n", lines.subList(1, lines.size())))) {
      for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
        rows.add(new Held(OffsetDateTime.parse(record.get(0)).toInstant(), record.toList().subList(1, 1 + labels),
            record.get(1 + labels), true));
      }
    }
    return rows;
  }
}
