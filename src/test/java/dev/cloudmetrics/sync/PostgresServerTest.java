package dev.cloudmetrics.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The fixture itself: a real server answers on loopback with password authentication. */
class PostgresServerTest {
  @Test
  void aNewDatabaseAnswers() throws Exception {
    PostgresServer server = PostgresServer.get();
    try (Connection connection = server.connectTo(server.newDatabase()); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 1 + 1")) {
      result.next();
      assertEquals(2, result.getInt(1));
    }
  }
}
