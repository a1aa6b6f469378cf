package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.serve.Scrape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM, for real, as systemd sends it: a launched exporter stops with exit 0 and says nothing more. */
class ServeSigtermTest {
  /** What cli.md promises ("within a few seconds"), with room for a loaded machine. */
  private static final long STOP_SECONDS = 10;

  @TempDir Path directory;

  @Test
  void sigtermStopsAServingExporterWithExit0() throws Exception {
    Path err = directory.resolve("stderr.txt");
    // An empty config file of its own (a missing --config FILE is refused; one others can read gets a warning).
    Path config = Files.createFile(directory.resolve("config"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------")));
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config", config.toString(),
        "--sandbox", "cdn", "online-users", "-s", "rtmp://demo.example/live/a", "--per-stream", "--serve", "127.0.0.1:0");
    Process process = new ProcessBuilder(command).redirectError(err.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      int port = awaitPort(process, err);
      Map<String, Double> samples = Scrape.samples(port);
      assertTrue(samples.containsKey("cloudmetrics_api_requests_total{api=\"cdn\",outcome=\"success\"}"),
          samples.keySet().toString());
      assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());

      assertTrue(process.waitFor(STOP_SECONDS, TimeUnit.SECONDS), "still running after SIGTERM");
      assertEquals(ExitCode.OK, process.exitValue(), Files.readString(err));
      assertEquals("cloudmetrics: serving http://127.0.0.1:" + port + "/metrics\n", Files.readString(err));
    } finally {
      process.destroyForcibly();
    }
  }

  private static int awaitPort(Process process, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (process.isAlive() && System.nanoTime() < deadline) {
      Matcher serving = ServeCommandTest.SERVING.matcher(Files.readString(err, StandardCharsets.UTF_8));
      if (serving.find()) {
        return Integer.parseInt(serving.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no serving line; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
  }
}
