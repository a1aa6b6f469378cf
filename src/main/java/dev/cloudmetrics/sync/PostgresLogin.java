package dev.cloudmetrics.sync;

import dev.cloudmetrics.failure.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * How to reach a PostgreSQL DEST, found as libpq finds it: host, port, database and user from the
 * URL, else {@code PGHOST}, {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER} (defaults localhost,
 * 5432, the user's name); the password from the URL (with a warning: it shows in {@code ps}), else
 * {@code PGPASSWORD}, else {@code PGPASSFILE} or {@code ~/.pgpass}. Other URL parameters (such as
 * {@code sslmode=require}) go to the driver. The password is never part of a message.
 */
record PostgresLogin(String host, int port, String database, String user, Optional<String> password,
    Map<String, String> parameters) {

  static PostgresLogin of(String dest, Map<String, String> environment, Path home, Consumer<String> warnings) {
    String url = dest.regionMatches(true, 0, "jdbc:", 0, 5) ? dest.substring(5) : dest;
    // postgresql:// alone (everything from the environment) has no authority for java.net.URI.
    String text = url.endsWith("://") ? url + "/" : url;
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("--sync: the PostgreSQL URL is not a URL (" + e.getReason()
          + "); use postgresql://USER@HOST:PORT/DB");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        parameters.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    Optional<String> urlUser = Optional.ofNullable(parameters.remove("user"));
    Optional<String> urlPassword = Optional.ofNullable(parameters.remove("password"));
    if (uri.getRawUserInfo() != null) {
      String info = uri.getRawUserInfo();
      int colon = info.indexOf(':');
      urlUser = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
      if (colon >= 0) {
        urlPassword = Optional.of(decode(info.substring(colon + 1)));
      }
    }
    if (urlPassword.isPresent()) {
      warnings.accept("the --sync URL holds a password, which other users can see in 'ps'; "
          + "use PGPASSWORD or ~/.pgpass instead");
    }
    String host = Optional.ofNullable(uri.getHost()).or(() -> Optional.ofNullable(environment.get("PGHOST")))
        .orElse("localhost");
    int port = uri.getPort() > 0 ? uri.getPort() : port(environment.getOrDefault("PGPORT", "5432"));
    String user = urlUser.or(() -> Optional.ofNullable(environment.get("PGUSER")))
        .or(() -> Optional.ofNullable(environment.get("USER"))).orElse(System.getProperty("user.name"));
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    String database = !path.isEmpty() ? path : environment.getOrDefault("PGDATABASE", user);
    Path passFile = Optional.ofNullable(environment.get("PGPASSFILE")).map(Path::of).orElse(home.resolve(".pgpass"));
    Optional<String> password = urlPassword.or(() -> Optional.ofNullable(environment.get("PGPASSWORD")))
        .or(() -> PgPass.find(passFile, host, port, database, user, warnings));
    return new PostgresLogin(host, port, database, user, password, parameters);
  }

  /** The driver's URL: no user, no password (those travel as properties, never in a message). */
  String jdbcUrl() {
    String query = parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
    return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database
        + (query.isEmpty() ? "" : "?" + query);
  }

  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    password.ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("ApplicationName", "cloudmetrics --sync");
    // One INSERT of many rows per batch instead of one per row: several times faster.
    properties.setProperty("reWriteBatchedInserts", "true");
    properties.setProperty("connectTimeout", "10");
    return new org.postgresql.Driver().connect(jdbcUrl(), properties);
  }

  /** user@host:port/db, for messages. */
  String describe() {
    return user + "@" + host + ":" + port + "/" + database;
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("PGPORT '" + text + "': not a port number");
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "PostgresLogin[" + describe() + "]"; // never the password
  }
}
