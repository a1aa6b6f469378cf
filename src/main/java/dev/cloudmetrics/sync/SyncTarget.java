package dev.cloudmetrics.sync;

import dev.cloudmetrics.failure.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What a DEST names: a CSV file, a SQLite file or a PostgreSQL database (cli.md, "Repeated runs"). */
sealed interface SyncTarget {
  String FORMS = "PATH.csv, PATH.db, PATH.sqlite, sqlite:PATH, postgresql://USER@HOST:PORT/DB or jdbc:postgresql://...";

  /** A CSV file, the file itself being the state. */
  record CsvFile(Path path) implements SyncTarget {
    @Override
    public Destination open(SyncRun.Settings settings) {
      return new CsvDestination(path, settings.csv(), settings.lockWait(), settings.notices());
    }
  }

  /** A SQLite database file. */
  record SqliteFile(Path path) implements SyncTarget {
    @Override
    public Destination open(SyncRun.Settings settings) {
      return new SqlDestination(SqlDialect.SQLITE, settings.dest(), () -> SqliteConnections.open(path),
          settings.lockWait(), Optional.of(new FileLockHolder.Target(FileLockHolder.beside(path), settings.dest())));
    }
  }

  /** A PostgreSQL database; credentials as libpq finds them. */
  record Postgres(String url) implements SyncTarget {
    @Override
    public Destination open(SyncRun.Settings settings) {
      PostgresLogin login = PostgresLogin.of(url, settings.environment(), settings.home(), settings.notices());
      return new SqlDestination(SqlDialect.POSTGRESQL, login.describe(), login::connect, settings.lockWait(),
          Optional.empty());
    }
  }

  /** A destination for this run, not yet opened. */
  Destination open(SyncRun.Settings settings);

  /** Reads a DEST as typed; refuses what is none of the forms. */
  static SyncTarget parse(String dest) {
    String lower = dest.toLowerCase(Locale.ROOT);
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://") || lower.startsWith("jdbc:postgresql:")) {
      return new Postgres(dest);
    }
    if (lower.startsWith("sqlite:")) {
      String path = dest.substring("sqlite:".length());
      if (path.isBlank()) {
        throw refused(dest, "sqlite: needs a file path after it");
      }
      return new SqliteFile(Path.of(path));
    }
    if (lower.endsWith(".csv")) {
      return new CsvFile(Path.of(dest));
    }
    if (lower.endsWith(".db") || lower.endsWith(".sqlite") || lower.endsWith(".sqlite3")) {
      return new SqliteFile(Path.of(dest));
    }
    throw refused(dest, "not a DEST this tool knows");
  }

  private static InvalidInputException refused(String dest, String why) {
    return new InvalidInputException("--sync '" + dest + "': " + why + "; use " + FORMS);
  }
}
