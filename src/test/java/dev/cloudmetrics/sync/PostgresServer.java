package dev.cloudmetrics.sync;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, from Debian's {@code postgresql} package: initdb into a
 * temporary directory (password authentication, so that PGPASSWORD and .pgpass are exercised), a
 * free loopback port, started once per test JVM and stopped when it ends. PostgreSQL refuses to run
 * as root, so as root it runs as the package's {@code postgres} user.
 */
public final class PostgresServer {
  public static final String USER = "postgres";
  public static final String PASSWORD = "sync-test-password";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer running;

  private final Path directory;
  private final int port;

  private PostgresServer(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** The server, started on first use. */
  public static synchronized PostgresServer get() {
    if (running == null) {
      try {
        running = start();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("could not start PostgreSQL for the tests (apt-get install postgresql): " + e, e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
    }
    return running;
  }

  public int port() {
    return port;
  }

  /** A new, empty database; its URL as a user types it, without the password. */
  public String newDatabase() {
    String name = "sync_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + name;
  }

  /** The environment that gives the CLI the password, as a cron job would have it. */
  public static Map<String, String> passwordEnvironment() {
    return Map.of("PGPASSWORD", PASSWORD);
  }

  /** A connection to {@code database} as the superuser. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, PASSWORD);
  }

  /** A connection to the database of a URL made by {@link #newDatabase()}. */
  public Connection connectTo(String url) throws SQLException {
    return connect(url.substring(url.lastIndexOf('/') + 1));
  }

  private static PostgresServer start() throws IOException, InterruptedException {
    Path bin = binaries();
    Path directory = Files.createTempDirectory("cloudmetrics-pg");
    Path data = directory.resolve("data");
    Path passwordFile = directory.resolve("password");
    Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      run(List.of("chown", "-R", "postgres:postgres", directory.toString()));
    }
    run(asServerUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
        "--auth=scram-sha-256", "--pwfile=" + passwordFile, "--no-sync", "-E", "UTF8", "--locale=C")));
    int port = freePort();
    run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
        "-l", directory.resolve("log").toString(), "-o",
        "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start")));
    return new PostgresServer(directory, port);
  }

  private void stop() {
    try {
      Path bin = binaries();
      boolean root = "root".equals(System.getProperty("user.name"));
      run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
          "-m", "fast", "-w", "stop")));
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.err.println("PostgreSQL of the tests did not stop cleanly: " + e);
    }
  }

  /** The newest installed server's bin directory. */
  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      throw new IOException("no " + root);
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElseThrow(() -> new IOException("no initdb under " + root));
    }
  }

  private static List<String> asServerUser(boolean root, List<String> command) {
    if (!root) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
