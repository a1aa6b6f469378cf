package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Prometheus golden file passes Prometheus' own checker, {@code promtool check metrics}
 * (Debian's package prometheus; .ci/run installs it, so CI never skips this).
 */
class PromtoolTest {
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  static final Path GOLDEN = Path.of("src/test/resources/dev/cloudmetrics/output");

  static Stream<Path> goldenFiles() throws IOException {
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      return files.filter(f -> f.toString().endsWith(".prometheus")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void promtoolAcceptsTheGoldenFile(Path file) throws Exception {
    assertEquals("", check(Files.readString(file, StandardCharsets.UTF_8)), file.toString());
  }

  @Test
  void promtoolRefusesWhatIsNotTheFormat() throws Exception {
    // Proof that the checker is strict enough to catch a broken label escape.
    assertNotEquals("", check("# TYPE cloudmetrics_cdn_online_users gauge\ncloudmetrics_cdn_online_users{region=\"C\\N\"} 1\n"));
  }

  /** promtool's complaints, empty when it exits 0 with nothing to say. */
  private static String check(String metrics) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install prometheus)");
    Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
    process.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(1, TimeUnit.MINUTES);
    return process.exitValue() == 0 ? said.strip() : "exit " + process.exitValue() + ": " + said;
  }
}
