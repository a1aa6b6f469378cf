package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher with the packaged jar in an installed layout (bin/cloudmetrics, lib/cloudmetrics.jar):
 * its class-data-sharing archive is made once in the background without a word on stdout or
 * stderr, mapped by later runs, made anew when the jar changes, and never a reason to fail; long
 * exports keep the optimising compiler. The JVM is reached through a wrapper script that logs each
 * command line it is given.
 */
class LauncherIT {
  /** Creating an archive runs a few JVMs in the background; a loaded CI machine may be slow. */
  private static final Duration CREATION = Duration.ofMinutes(4);

  @TempDir Path dir;
  private Path launcher;
  private Path jar;
  private Path calls;

  /** One run of the launcher: exit code, stdout, stderr. */
  private record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void install() throws IOException {
    launcher = dir.resolve("bin/cloudmetrics");
    jar = dir.resolve("lib/cloudmetrics.jar");
    calls = dir.resolve("java-calls.log");
    Files.createDirectories(launcher.getParent());
    Files.createDirectories(jar.getParent());
    Files.copy(Path.of(System.getProperty("cloudmetrics.launcher", "dist/cloudmetrics")), launcher);
    Files.copy(Path.of(System.getProperty("cloudmetrics.jar", "target/cloudmetrics.jar")), jar);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    writeJava("");
  }

  @Test
  void theFirstRunCreatesTheArchiveSilentlyAndLaterRunsMapIt() throws Exception {
    Run first = run("--version");

    assertEquals(new Run(0, version(), ""), first);
    Path archive = awaitArchive(a -> true);
    FileTime created = Files.getLastModifiedTime(archive);

    assertEquals(0, run("--version").exitCode());
    Run help = run("--help");

    assertEquals(0, help.exitCode());
    assertTrue(help.out().startsWith("Usage: cloudmetrics"), help.out());
    assertEquals("", help.err());
    assertEquals(List.of(archive), archives());
    assertEquals(created, Files.getLastModifiedTime(archive));
    assertEquals(1, calls().stream().filter(c -> c.contains("-Xshare:dump")).count(), "archives dumped");
    assertTrue(lastCall().contains("-XX:SharedArchiveFile=" + archive), lastCall());
    assertEquals(0, mapStrictly(archive), "the JVM maps the archive for this jar");
  }

  @Test
  void aChangedJarGetsANewArchiveAndTheStaleOneIsDeleted() throws Exception {
    run("--version");
    Path stale = awaitArchive(a -> true);
    // What an upgrade does: the same path, another jar.
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));

    Run afterUpgrade = run("--version");

    assertEquals(new Run(0, version(), ""), afterUpgrade);
    assertFalse(lastCall().contains("SharedArchiveFile"), "a stale archive is not handed to the JVM: " + lastCall());
    Path fresh = awaitArchive(a -> !a.equals(stale));
    assertFalse(Files.exists(stale), "the stale archive is deleted");
    assertEquals(0, mapStrictly(fresh));
    assertTrue(mapStrictly(stale.resolveSibling("missing.jsa")) != 0, "-Xshare:on refuses what it cannot map");
  }

  @Test
  void aFailedCreationNeitherFailsTheRunNorIsRetriedForTheSameJar() throws Exception {
    writeJava("case \"$*\" in *-Xshare:dump*) echo 'dump refused' >&2; exit 1;; esac\n");

    assertEquals(new Run(0, version(), ""), run("--version"));
    awaitFile(p -> p.getFileName().toString().endsWith(".jsa.failed"));
    Run later = run("--version");

    assertEquals(new Run(0, version(), ""), later);
    assertEquals(List.of(), archives());
    assertEquals(1, calls().stream().filter(c -> c.contains("-Xshare:dump")).count(), "dumps tried");
  }

  @Test
  void perStreamExportsKeepTheOptimisingCompilerAndShortRunsStartWithC1Alone() throws Exception {
    Map<String, String> noArchive = Map.of("CLOUDMETRICS_CDS", "off");

    assertEquals(0, run(noArchive, "--version").exitCode());
    String version = lastCall();
    Run perStream = run(noArchive, "--sandbox", "cdn", "online-users", "-s", "rtmp://demo.example/live/a",
        "--per-stream", "--dry-run");
    String export = lastCall();

    assertEquals(0, perStream.exitCode(), perStream.err());
    assertTrue(version.contains("-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"), version);
    assertFalse(export.contains("TieredStopAtLevel"), export);
    assertFalse(export.contains("CICompilerCount"), export);
    assertEquals(List.of(), archives());
  }

  @Test
  void whileOneCreationRunsNoOtherStartsBesideIt() throws Exception {
    // What a creation in progress leaves in the directory (for another JVM, say): its work directory.
    Files.createDirectories(jar.resolveSibling("cloudmetrics-cds.tmp"));

    assertEquals(new Run(0, version(), ""), run("--version"));
    assertEquals(new Run(0, version(), ""), run("--version"));

    Thread.sleep(2000);
    assertEquals(0, calls().stream().filter(c -> c.contains("DumpLoadedClassList") || c.contains("-Xshare:dump")).count(),
        "training runs started: " + calls());
    assertEquals(List.of(), archives());
  }

  @Test
  void aCopiedInstallationGetsItsOwnArchiveAndDropsTheOneOfItsOldPath() throws Exception {
    run("--version");
    Path old = awaitArchive(a -> true);
    Path copy = dir.resolve("copy");
    copyTree(dir.resolve("bin"), copy.resolve("bin"));
    copyTree(dir.resolve("lib"), copy.resolve("lib"));
    launcher = copy.resolve("bin/cloudmetrics");
    jar = copy.resolve("lib/cloudmetrics.jar");
    Path brought = jar.resolveSibling(old.getFileName());

    assertEquals(new Run(0, version(), ""), run("--version"));
    assertFalse(lastCall().contains("SharedArchiveFile"), "the old path's archive does not fit: " + lastCall());
    Path own = awaitArchive(a -> !a.equals(brought));

    assertFalse(Files.exists(brought), "the archive of the old path is removed");
    assertEquals(0, mapStrictly(own));
    assertTrue(Files.exists(old), "the original installation keeps its own");
  }

  @Test
  void aCheckoutOnAMachineWithoutMavenBuildsWithTheWrapperAndStartsWithTheArchiveRightAway() throws Exception {
    Path checkout = dir.resolve("checkout");
    for (String part : List.of("pom.xml", "mvnw", ".mvn", "src/main", "src/assembly", "completion", "dist")) {
      copyTree(Path.of(part), checkout.resolve(part));
    }
    launcher = checkout.resolve("dist/cloudmetrics");
    jar = checkout.resolve("target/cloudmetrics.jar");

    // Maven's repository and the wrapper's download of Maven in the real home: a clean one would
    // fetch every plugin again.
    Map<String, String> withoutMaven = Map.of("PATH", pathWithoutMaven().toString(), "HOME", System.getProperty("user.home"));
    try {
      Run first = run(withoutMaven, "--version");

      assertEquals(0, first.exitCode(), first.err());
      assertEquals(version(), first.out());
      assertTrue(first.err().startsWith("cloudmetrics: building " + jar + " with ./mvnw (first run"), first.err());
      assertTrue(first.err().lines().anyMatch(line -> line.matches("cloudmetrics: built in [0-9]+ s")), first.err());
      assertTrue(first.err().lines().anyMatch(line -> line.matches("cloudmetrics: prepared in [0-9]+ s")), first.err());
      Path archive = awaitArchive(a -> true);
      assertTrue(lastCall().contains("-XX:SharedArchiveFile=" + archive), "the first run after the build maps it: " + lastCall());
      assertEquals(new Run(0, version(), ""), run(withoutMaven, "--version"));
      assertTrue(lastCall().contains("-XX:SharedArchiveFile=" + archive), lastCall());
      assertEquals(1, calls().stream().filter(c -> c.contains("-Xshare:dump")).count(), "archives dumped");
    } finally {
      deleteLinks(pathWithoutMaven());
    }
  }

  /** The links go before JUnit cleans up, which would warn about each one. */
  private static void deleteLinks(Path bin) throws IOException {
    try (Stream<Path> links = Files.list(bin)) {
      for (Path link : links.toList()) {
        Files.delete(link);
      }
    }
  }

  /** A PATH with every command of this machine but Maven's, as on a machine that has only a JDK. */
  private Path pathWithoutMaven() throws IOException {
    Path bin = dir.resolve("path-without-maven");
    if (Files.isDirectory(bin)) {
      return bin;
    }
    Files.createDirectories(bin);
    for (String entry : System.getenv("PATH").split(":")) {
      Path from = Path.of(entry);
      if (!Files.isDirectory(from)) {
        continue;
      }
      try (Stream<Path> commands = Files.list(from)) {
        for (Path command : commands.toList()) {
          String name = command.getFileName().toString();
          Path link = bin.resolve(name);
          if (!name.startsWith("mvn") && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, command.toAbsolutePath());
          }
        }
      }
    }
    return bin;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private Run run(String... args) throws IOException, InterruptedException {
    return run(Map.of(), args);
  }

  private Run run(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList());
    Map<String, String> env = builder.environment();
    env.remove("CLOUDMETRICS_CDS");
    env.remove("CLOUDMETRICS_JAVA_OPTS");
    env.put("JAVA", dir.resolve("jdk/java").toString());
    env.put("HOME", dir.resolve("home").toString());
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    env.putAll(extraEnv);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("the launcher did not finish");
    }
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** A java that logs its arguments, then does what {@code extra} says or runs the real JVM. */
  private void writeJava(String extra) throws IOException {
    Path wrapper = dir.resolve("jdk/java");
    Files.createDirectories(wrapper.getParent());
    String realJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(wrapper, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + calls + "'\n" + extra
        + "exec '" + realJava + "' \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Runs the real JVM with {@code -Xshare:on}, which fails unless it can map the archive for this jar. */
  private int mapStrictly(Path archive) throws IOException, InterruptedException {
    String realJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(realJava, "-XX:+UseSerialGC", "-Xshare:on",
        "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "--version")
        .redirectErrorStream(true).redirectOutput(dir.resolve("strict.txt").toFile()).start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    return process.exitValue();
  }

  private static String version() throws IOException {
    try (var in = Main.class.getResourceAsStream("/dev/cloudmetrics/version.txt")) {
      return "cloudmetrics " + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim() + "\n";
    }
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(jar.getParent())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
    }
  }

  private List<String> calls() throws IOException {
    return Files.readAllLines(calls, StandardCharsets.UTF_8);
  }

  /** The command line of the last run that was the user's own, not a training run or a dump. */
  private String lastCall() throws IOException {
    List<String> own = calls().stream()
        .filter(c -> !c.contains("DumpLoadedClassList") && !c.contains("-Xshare:dump") && !c.contains("-Xshare:on"))
        .toList();
    return own.get(own.size() - 1);
  }

  private Path awaitArchive(Predicate<Path> wanted) throws Exception {
    return awaitFile(p -> p.getFileName().toString().endsWith(".jsa") && wanted.test(p));
  }

  /** Waits until the background creation has finished (no work directory left) and left a matching file. */
  private Path awaitFile(Predicate<Path> wanted) throws Exception {
    Instant deadline = Instant.now().plus(CREATION);
    while (Instant.now().isBefore(deadline)) {
      try (Stream<Path> files = Files.list(jar.getParent())) {
        List<Path> all = files.toList();
        boolean working = all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        List<Path> matching = all.stream().filter(wanted).toList();
        if (!working && matching.size() == 1) {
          return matching.get(0);
        }
      }
      Thread.sleep(200);
    }
    fail("no archive was created in " + CREATION + "; java was called as: " + calls());
    throw new AssertionError();
  }
}
