package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed launcher in the environments of cron, {@code env -i} and system users: no locale,
 * no HOME, a read-only installation. Chinese arguments and file names stay intact, the config file
 * follows $HOME, and nothing crashes.
 */
class LauncherEnvironmentIT {
  private static final String STREAM = "rtmp://demo.example/live/直播";

  @TempDir Path dir;
  private Path launcher;

  /** One run: exit code, stdout, stderr. */
  private record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void install() throws IOException {
    launcher = dir.resolve("bin/cloudmetrics");
    Path jar = dir.resolve("lib/cloudmetrics.jar");
    Files.createDirectories(launcher.getParent());
    Files.createDirectories(jar.getParent());
    Files.copy(Path.of(System.getProperty("cloudmetrics.launcher", "dist/cloudmetrics")), launcher);
    Files.copy(Path.of(System.getProperty("cloudmetrics.jar", "target/cloudmetrics.jar")), jar);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** {@code env -i}: nothing but what {@code variables} says, JAVA naming the JVM. */
  private Run run(Map<String, String> variables, List<String> prefix, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of("env", "-i", "JAVA=" + Path.of(System.getProperty("java.home"), "bin", "java")));
    variables.forEach((name, value) -> command.add(name + "=" + value));
    command.add(launcher.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("the launcher did not finish");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void withoutALocaleChineseStreamNamesAreSentAndPrintedIntact() throws Exception {
    Map<String, String> none = Map.of("CLOUDMETRICS_CDS", "off");

    Run dryRun = run(none, List.of(), "--sandbox", "cdn", "online-users", "-s", STREAM, "--per-stream", "--dry-run");
    Run rows = run(none, List.of(), "--sandbox", "cdn", "online-users", "-s", STREAM, "--per-stream", "--last", "30m",
        "-f", "csv");

    assertEquals(0, dryRun.exitCode(), dryRun.err());
    assertTrue(dryRun.out().contains("%E7%9B%B4%E6%92%AD"), dryRun.out());
    assertTrue(!dryRun.out().contains("%EF%BF%BD"), dryRun.out());
    assertEquals(new Run(0, rows.out(), ""), rows);
    assertTrue(rows.out().lines().skip(1).allMatch(line -> line.contains("," + STREAM + ",CN,")), rows.out());
  }

  @Test
  void withoutALocaleChineseFileNamesWork() throws Exception {
    Path streams = Files.writeString(dir.resolve("直播流.txt"), STREAM + "\n", StandardCharsets.UTF_8);
    Path output = dir.resolve("输出.csv");

    Run run = run(Map.of("CLOUDMETRICS_CDS", "off"), List.of(), "--sandbox", "cdn", "online-users",
        "--streams-file", streams.toString(), "--per-stream", "--last", "30m", "-o", output.toString());

    assertEquals(new Run(0, "", ""), run);
    String written = Files.readString(output, StandardCharsets.UTF_8);
    assertTrue(written.startsWith("time,stream_url,region,online_users"), written);
    assertTrue(written.contains(STREAM), written);
  }

  @Test
  void theConfigFileFollowsHome() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve(".config/cloudmetrics"));
    Path config = Files.writeString(home.resolve(".config/cloudmetrics/config"), "[default]\nformat = ndjson\n");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

    Run run = run(Map.of("CLOUDMETRICS_CDS", "off", "HOME", home.toString()), List.of(), "--sandbox", "cdn",
        "online-users", "-s", STREAM, "--last", "30m");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("{\"time\":"), "the profile's format = ndjson was not used: " + run.out());
  }

  /**
   * A system user (nobody) with neither HOME nor a writable installation: the launcher used to stop
   * at "HOME: unbound variable" before the JVM started.
   */
  @Test
  void withoutHomeAndWithAReadOnlyInstallationItRuns() throws Exception {
    Assumptions.assumeTrue(isRoot(), "needs root to run as nobody");
    // nobody must reach the installation, which stays root's (read-only to nobody).
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dir.resolve("bin"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dir.resolve("lib"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(dir.resolve("lib/cloudmetrics.jar"), PosixFilePermissions.fromString("rw-r--r--"));
    List<String> asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

    Run run = run(Map.of(), asNobody, "--sandbox", "cdn", "online-users", "-s", STREAM, "--last", "30m", "-f", "csv");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertTrue(run.out().startsWith("time,online_users"), run.out());
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    Process id = new ProcessBuilder("id", "-u").start();
    String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    return id.waitFor() == 0 && uid.equals("0");
  }

  @Test
  void aFullStdoutEndsWithExit5AndAReaderThatGoesAwayStopsThePlanQuietly() throws Exception {
    List<String> command = List.of("env", "CLOUDMETRICS_CDS=off", launcher.toString(), "--sandbox", "-v", "cdn",
        "online-users", "-s", IntStream.range(0, 20).mapToObj(i -> STREAM + i)
            .collect(Collectors.joining(",")), "--per-stream",
        "-g", "1", "--last", "7d", "-f", "csv", "--rate", "100");
    Path err = dir.resolve("err.txt");
    Process full = new ProcessBuilder(command).redirectOutput(new File("/dev/full"))
        .redirectError(err.toFile()).start();
    assertTrue(full.waitFor(2, TimeUnit.MINUTES));
    assertEquals(ExitCode.SERVICE_FAILED, full.exitValue(), Files.readString(err));
    assertTrue(Files.readString(err).endsWith("\ncloudmetrics: cannot write to stdout: No space left on device\n"),
        Files.readString(err));

    // '| head -1': one line read, then the pipe closed.
    Process piped = new ProcessBuilder(command).redirectError(err.toFile()).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(piped.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("time,stream_url,region,online_users", out.readLine());
    }
    assertTrue(piped.waitFor(2, TimeUnit.MINUTES));
    String log = Files.readString(err);
    assertEquals(0, piped.exitValue(), log);
    long answered = log.lines().filter(line -> line.contains(" GetLiveOnlineUserDataByStream ")).count();
    assertTrue(answered < 21, "a plan of 21 requests went on after its reader left: " + log);
    assertTrue(log.lines().allMatch(line -> line.startsWith("cloudmetrics: POST ")
        || line.matches("cloudmetrics: \\d+/21 requests.*")), log);
  }
}
