package dev.cloudmetrics.sync;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's upsert of many rows, for the rows that may already be in the table (the buckets a
 * run replaces: provisional ones, or a series written further than the others): they are collected
 * as CSV, copied into a temporary staging table ({@code COPY}), and moved into the table by one
 * {@code INSERT … SELECT … ON CONFLICT} per transaction, instead of one parsed and planned statement
 * per 128 rows.
 */
final class PostgresBulk {
  private final String staging;
  private final String tableName;
  private final String columns;
  private final String conflict;
  private final StringBuilder csv = new StringBuilder(1 << 16);

  /**
   * @param columns the columns in the order {@link #add} gets the cells
   * @param conflict the {@code ON CONFLICT …} clause of the upsert
   */
  PostgresBulk(String tableName, String columns, String conflict) {
    this.staging = "cloudmetrics_staging_" + tableName;
    this.tableName = tableName;
    this.columns = columns;
    this.conflict = conflict;
  }

  /** One row: a CSV line, ending in a newline, of the columns in order (text quoted, booleans {@code t}/{@code f}). */
  void add(CharSequence line) {
    csv.append(line);
  }

  /** Writes what was added, inside the connection's open transaction. */
  void flush(Connection connection) throws SQLException {
    if (csv.length() == 0) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      // Temporary: the session's own; emptied by each commit, gone when the connection closes.
      statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (LIKE " + tableName + ") ON COMMIT DELETE ROWS");
      connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + staging + " (" + columns + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
      statement.executeUpdate("INSERT INTO " + tableName + " (" + columns + ") SELECT " + columns + " FROM " + staging
          + conflict);
    } catch (IOException e) {
      throw new SQLException("COPY failed: " + e.getMessage(), "08006", e);
    }
    csv.setLength(0);
  }
}
