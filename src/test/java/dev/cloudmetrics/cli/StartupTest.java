package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What keeps start-up short for cron and shells: --version and --help load nothing of JSON,
 * HTTP or retries (each costs tens of milliseconds of class loading), checked in the JVM's own
 * class-loading log of a real process.
 */
class StartupTest {
  // The emulator's server, not its option types, which picocli reflects on with every command.
  private static final List<String> HEAVY = List.of("com.fasterxml.", "java.net.http.", "jdk.internal.net.http.",
      "dev.failsafe.", "com.sun.net.httpserver.", "javax.net.ssl.", "dev.cloudmetrics.emulator.Emulator");

  @TempDir Path dir;
  private String printed = "";

  @ParameterizedTest
  @ValueSource(strings = {"--version", "--help", "-V", "-h"})
  void versionAndHelpLoadNoJsonHttpOrRetryClass(String option) throws Exception {
    List<String> loaded = classesLoadedBy(Map.of(), option);

    assertTrue(printed.startsWith("cloudmetrics") || printed.startsWith("Usage: cloudmetrics"), printed);
    assertTrue(loaded.contains("dev.cloudmetrics.cli.Main"), "the log lists what was loaded: " + loaded.size());
    List<String> heavy = loaded.stream().filter(c -> HEAVY.stream().anyMatch(c::startsWith)).toList();
    assertEquals(List.of(), heavy);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "--dry-run"})
  void helpAndDryRunsOfAQueryBuildNoHttpClientAndReadyNothing(String option) throws Exception {
    // The client's TLS set-up and its selector thread (which holds the JVM's exit up) are paid only
    // to send; so is what a query readies on a second thread while its options are parsed.
    List<String> loaded = classesLoadedBy(Map.of("KSYUN_ACCESS_KEY", "AKLTstartup", "KSYUN_SECRET_KEY", "startup"),
        "--config", emptyConfig().toString(), "cdn", "online-users", "-s", "rtmp://x.example/live/a", option);

    assertTrue(printed.contains(option.equals("--help") ? "Usage: cloudmetrics cdn online-users" : "GetLiveOnlineUserDataByStream"),
        printed);
    List<String> heavy = loaded.stream().filter(c -> c.startsWith("jdk.internal.net.http.") || c.startsWith("javax.net.ssl.")
        || c.startsWith("com.fasterxml.jackson.core.json.")).toList();
    assertEquals(List.of(), heavy);
  }

  @Test
  void aSandboxQuerySetsUpNoTlsAndNoObjectMapper() throws Exception {
    // Plain HTTP on loopback: the JDK's TLS context (providers, the trust store) and Jackson's
    // databind layer were each about 30 ms of this command's start-up.
    List<String> loaded = classesLoadedBy(Map.of(), "--config", emptyConfig().toString(),
        "--sandbox", "cdn", "online-users", "-s", "rtmp://x.example/live/a", "--last", "15m", "-f", "csv");

    assertTrue(printed.startsWith("time,online_users"), printed);
    assertTrue(loaded.contains("jdk.internal.net.http.HttpClientImpl"), "the query was sent: " + loaded.size());
    List<String> heavy = loaded.stream()
        .filter(c -> c.startsWith("sun.security.ssl.SSLContextImpl") || c.startsWith("sun.security.ssl.TrustStoreManager")
            || c.startsWith("com.fasterxml.jackson.databind.")).toList();
    assertEquals(List.of(), heavy);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rtc", "cdn"})
  void queriesAndWatchesLoadNothingOfThePrometheusClient(String api) throws Exception {
    // The exporter's library (and the JVM metrics it reads) is --serve's alone.
    List<String> args = new ArrayList<>(List.of("--config", emptyConfig().toString(), "--sandbox"));
    args.addAll(api.equals("rtc") ? List.of("rtc", "list-realtime", "--app-id", "a1", "-f", "csv")
        : List.of("cdn", "online-users", "-s", "rtmp://x.example/live/a", "--last", "15m", "-f", "csv"));
    List<String> loaded = classesLoadedBy(Map.of(), args.toArray(String[]::new));

    assertTrue(printed.startsWith("time,"), printed);
    assertTrue(loaded.contains("dev.cloudmetrics.cli.ServiceAccess"), "the query ran: " + loaded.size());
    assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("io.prometheus.")
        || c.startsWith("dev.cloudmetrics.serve.") || c.equals("dev.cloudmetrics.cli.Serving")).toList());
  }

  @Test
  void aQueryWithoutSyncLoadsNoJdbcClass() throws Exception {
    // The SQLite and PostgreSQL drivers are for --sync alone: every other run starts as before.
    List<String> loaded = classesLoadedBy(Map.of(), "--config", emptyConfig().toString(),
        "--sandbox", "cdn", "online-users", "-s", "rtmp://x.example/live/a", "--last", "15m", "-f", "csv");

    assertTrue(printed.startsWith("time,online_users"), printed);
    List<String> jdbc = loaded.stream().filter(c -> c.startsWith("java.sql.") || c.startsWith("org.sqlite.")
        || c.startsWith("org.postgresql.") || c.startsWith("dev.cloudmetrics.sync.")).toList();
    assertEquals(List.of(), jdbc);
  }

  @Test
  void aSyncIntoSqliteLoadsSqliteAndNotPostgresql() throws Exception {
    // The other side of the test above: the filter sees these classes when they are loaded.
    List<String> loaded = classesLoadedBy(Map.of(), "--config", emptyConfig().toString(),
        "--sandbox", "cdn", "online-users", "-s", "rtmp://x.example/live/a", "--last", "15m",
        "--sync", dir.resolve("history.db").toString());

    assertEquals("", printed);
    assertTrue(loaded.contains("org.sqlite.JDBC"), "SQLite's driver: " + loaded.size());
    assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("org.postgresql.")).toList());
  }

  @Test
  void picocliCheckedTheCommandsAtBuildTime() {
    // The annotation processor writes this beside the classes; without it, mistakes in the
    // annotations would surface only when a user runs the command.
    assertNotNull(Main.class.getResource("/META-INF/native-image/picocli-generated/reflect-config.json"));
  }

  /** Runs the CLI in a fresh JVM and returns the classes it loaded, in order; what it printed goes to {@link #printed}. */
  private List<String> classesLoadedBy(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    Path log = dir.resolve("classes.log");
    Path out = dir.resolve("out.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xshare:off", "-Xlog:class+load=info:file=" + log,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the CLI did not finish");
    printed = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), printed);
    List<String> classes = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      // [0.012s][info][class,load] java.lang.Object source: shared objects file
      int start = line.indexOf("] ", line.indexOf("[class,load]")) + 2;
      int end = line.indexOf(' ', start);
      if (start > 1 && end > start) {
        classes.add(line.substring(start, end));
      }
    }
    return classes;
  }

  /** A config file without profiles: the user's own cannot change what a run loads. */
  private java.nio.file.Path emptyConfig() throws java.io.IOException {
    java.nio.file.Path config = dir.resolve("empty-config");
    if (!java.nio.file.Files.exists(config)) {
      java.nio.file.Files.createFile(config, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }
    return config;
  }
}
