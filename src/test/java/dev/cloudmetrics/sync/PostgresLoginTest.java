package dev.cloudmetrics.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a PostgreSQL DEST's connection values and password come from, as libpq finds them. */
class PostgresLoginTest {
  @TempDir Path home;
  final List<String> warnings = new ArrayList<>();

  PostgresLogin login(String url, Map<String, String> environment) {
    return PostgresLogin.of(url, environment, home, warnings::add);
  }

  @Test
  void theUrlGivesHostPortDatabaseUserAndTheDriverParametersButNoPasswordInTheDriversUrl() {
    PostgresLogin login = login("postgresql://metrics@db.example:6543/history?sslmode=require", Map.of());

    assertEquals("jdbc:postgresql://db.example:6543/history?sslmode=require", login.jdbcUrl());
    assertEquals("metrics@db.example:6543/history", login.describe());
    assertEquals(Optional.empty(), login.password());
    assertEquals(List.of(), warnings);
  }

  @Test
  void whatTheUrlLeavesOutComesFromTheLibpqVariables() {
    PostgresLogin login = login("postgresql://", Map.of("PGHOST", "pg.internal", "PGPORT", "5433",
        "PGDATABASE", "viewers", "PGUSER", "cron", "PGPASSWORD", "s3cret"));

    assertEquals("cron@pg.internal:5433/viewers", login.describe());
    assertEquals(Optional.of("s3cret"), login.password());
    assertFalse(login.toString().contains("s3cret"), login.toString());
  }

  @Test
  void aPasswordInTheUrlIsUsedWithAWarningThatNamesNoSecret() {
    PostgresLogin login = login("jdbc:postgresql://cron:pa%3Ass@127.0.0.1:5432/h", Map.of("PGPASSWORD", "other"));

    assertEquals(Optional.of("pa:ss"), login.password());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("'ps'") && !warnings.get(0).contains("pa:ss"), warnings.get(0));
    assertEquals("jdbc:postgresql://127.0.0.1:5432/h", login.jdbcUrl());
  }

  @Test
  void pgpassMatchesLikeLibpqWithWildcardsAndEscapesAndOnlyWhenPrivate() throws Exception {
    Path pgpass = home.resolve(".pgpass");
    Files.writeString(pgpass, "# comment\nother:5432:*:cron:wrong\ndb.example:*:history:cron:pa\\:ss\\\\1:x\n"
        + "*:*:*:*:fallback\n");
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));

    assertEquals(Optional.of("pa:ss\\1:x"), login("postgresql://cron@db.example/history", Map.of()).password());
    assertEquals(Optional.of("fallback"), login("postgresql://cron@db.example/other", Map.of()).password());
    assertEquals(List.of(), warnings);

    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
    assertEquals(Optional.empty(), login("postgresql://cron@db.example/history", Map.of()).password());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("readable by group or others"), warnings.get(0));
  }

  @Test
  void pgpassfileNamesAnotherFile() throws Exception {
    Path file = home.resolve("elsewhere");
    Files.writeString(file, "*:*:*:cron:from-pgpassfile\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertEquals(Optional.of("from-pgpassfile"),
        login("postgresql://cron@h/d", Map.of("PGPASSFILE", file.toString())).password());
  }
}
