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

  @ParameterizedTest
  @ValueSource(strings = {"--version", "--help", "-V", "-h"})
  void versionAndHelpLoadNoJsonHttpOrRetryClass(String option) throws Exception {
    List<String> loaded = classesLoadedBy(option);

    assertTrue(loaded.contains("dev.cloudmetrics.cli.Main"), "the log lists what was loaded: " + loaded.size());
    List<String> heavy = loaded.stream().filter(c -> HEAVY.stream().anyMatch(c::startsWith)).toList();
    assertEquals(List.of(), heavy);
  }

  @Test
  void picocliCheckedTheCommandsAtBuildTime() {
    // The annotation processor writes this beside the classes; without it, mistakes in the
    // annotations would surface only when a user runs the command.
    assertNotNull(Main.class.getResource("/META-INF/native-image/picocli-generated/reflect-config.json"));
  }

  /** Runs the CLI in a fresh JVM and returns the classes it loaded, in order. */
  private List<String> classesLoadedBy(String option) throws IOException, InterruptedException {
    Path log = dir.resolve("classes.log");
    Path out = dir.resolve("out.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xshare:off", "-Xlog:class+load=info:file=" + log,
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), option)
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the CLI did not finish");
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), printed);
    assertTrue(printed.startsWith("cloudmetrics") || printed.startsWith("Usage: cloudmetrics"), printed);
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
}
