package dev.cloudmetrics.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where SQLite and PostgreSQL differ for --sync; the tables, the upsert and the queries are the same
 * SQL for both. SQLite is locked by a file beside it (see {@link FileLockHolder}), PostgreSQL by a
 * session advisory lock, which the server releases when a killed run's connection drops.
 */
enum SqlDialect {
  SQLITE("SQLite") {
    @Override
    void tune(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        // WAL: readers (sqlite3, Grafana) are not blocked while a run writes, nor a run by them.
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=NORMAL");
        statement.execute("PRAGMA busy_timeout=10000");
        statement.execute("PRAGMA cache_size=-65536"); // 64 MiB: a backfill's index pages stay in memory
      }
    }

    @Override
    boolean tryLock(Connection connection, String table) {
      return true; // the file lock beside the database is taken before connecting
    }

    @Override
    String tableOptions() {
      // The rows live in the primary key's B-tree, instead of a rowid table plus an index: half the writes.
      return " WITHOUT ROWID";
    }
  },
  POSTGRESQL("PostgreSQL") {
    @Override
    void tune(Connection connection) {
      // The server's defaults are right for a few thousand rows per transaction.
    }

    @Override
    String tableOptions() {
      return "";
    }

    @Override
    boolean tryLock(Connection connection, String table) throws SQLException {
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
        lock.setString(1, "cloudmetrics --sync " + table);
        try (ResultSet result = lock.executeQuery()) {
          result.next();
          boolean taken = result.getBoolean(1);
          // The lock is the session's; the query's transaction need not stay open for it.
          connection.commit();
          return taken;
        }
      }
    }
  };

  private final String product;

  SqlDialect(String product) {
    this.product = product;
  }

  /** The engine's name, for messages. */
  String product() {
    return product;
  }

  /** Session settings for a sync run. */
  abstract void tune(Connection connection) throws SQLException;

  /** What follows a CREATE TABLE's closing parenthesis. */
  abstract String tableOptions();

  /** Takes the lock of {@code table}'s writers if nobody holds it. */
  abstract boolean tryLock(Connection connection, String table) throws SQLException;
}
