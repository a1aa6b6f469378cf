package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher on a pseudo-terminal (util-linux {@code script}): it tells the JVM which standard
 * stream is a terminal and how large it is, so the default format follows stdout, the progress bar
 * stderr, and a chart the terminal's width and height.
 */
class TerminalLauncherIT {
  static final Path SCRIPT = Path.of("/usr/bin/script");

  @TempDir Path dir;
  private Path launcher;

  @BeforeEach
  void install() throws IOException {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
    launcher = dir.resolve("bin/cloudmetrics");
    Path jar = dir.resolve("lib/cloudmetrics.jar");
    Files.createDirectories(launcher.getParent());
    Files.createDirectories(jar.getParent());
    Files.copy(Path.of(System.getProperty("cloudmetrics.launcher", "dist/cloudmetrics")), launcher);
    Files.copy(Path.of(System.getProperty("cloudmetrics.jar", "target/cloudmetrics.jar")), jar);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Runs {@code shell} on a terminal of the given size; returns what the terminal showed. */
  private String onTerminal(int columns, int rows, String shell) throws IOException, InterruptedException {
    String command = "stty cols " + columns + " rows " + rows + "; " + shell;
    ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qec", command, "/dev/null")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("terminal.txt").toFile());
    builder.environment().put("CLOUDMETRICS_CDS", "off");
    builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    builder.environment().put("HOME", dir.toString());
    builder.environment().remove("COLUMNS");
    builder.environment().remove("LINES");
    builder.environment().remove("NO_COLOR");
    builder.environment().put("TERM", "xterm");
    Process process = builder.redirectInput(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the launcher did not finish");
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("terminal.txt")));
    return Files.readString(dir.resolve("terminal.txt"), StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  private static int widest(String text) {
    return text.lines().mapToInt(line -> line.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "").length()).max().orElse(0);
  }

  @Test
  void aChartFillsTheTerminalsWidthAndHeightWithoutColumnsSet() throws Exception {
    String narrow = onTerminal(60, 30, launcher + " --sandbox cdn online-users -s rtmp://demo.example/live/a"
        + " --per-stream --regions CN,HK --last 2h -f chart");
    String wide = onTerminal(100, 40, launcher + " --sandbox cdn online-users -s rtmp://demo.example/live/a"
        + " --per-stream --regions CN,HK --last 2h -f chart");

    assertTrue(widest(narrow) <= 60 && widest(narrow) > 55, narrow);
    assertTrue(narrow.lines().count() <= 29 && narrow.lines().count() > 15, narrow);
    assertTrue(widest(wide) <= 100 && widest(wide) > 95, wide);
    assertTrue(wide.contains("\u001B[3"), "colour on a terminal: " + wide);
  }

  @Test
  void withStdoutInAFileTheBarStillShowsOnStderrAndTheFileIsCsv() throws Exception {
    String shown = onTerminal(100, 40, launcher + " --sandbox cdn online-users -s rtmp://demo.example/live/a"
        + " -g 1d --last 10d > m.csv");

    assertTrue(shown.contains("requests,") && shown.contains("/2 requests"), shown);
    String csv = Files.readString(dir.resolve("m.csv"));
    assertTrue(csv.startsWith("time,online_users\n"), csv);
    assertFalse(csv.contains("\r"), csv);
  }

  @Test
  void withStdinFromAFileTheTerminalStillGetsATable() throws Exception {
    Files.writeString(dir.resolve("s.txt"), "rtmp://demo.example/live/a\n");
    String shown = onTerminal(100, 40, launcher + " --sandbox cdn online-users --streams-file - --last 1h < s.txt");

    assertTrue(shown.startsWith("TIME"), shown);
  }
}
