package dev.cloudmetrics.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.sqlite.JDBC;

/** Connections to a SQLite file through xerial's driver, created if missing. */
final class SqliteConnections {
  private SqliteConnections() {}

  static Connection open(Path path) throws SQLException {
    // The driver directly rather than DriverManager, which would load every driver on the class path.
    return new JDBC().connect(JDBC.PREFIX + path.toAbsolutePath(), new Properties());
  }
}
