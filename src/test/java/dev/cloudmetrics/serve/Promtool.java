package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own checker, {@code promtool} from Debian's package prometheus (.ci/install-tools
 * installs it, so CI never skips the tests that use it).
 */
final class Promtool {
  static final Path PATH = Path.of("/usr/bin/promtool");

  private Promtool() {}

  /** What promtool said (stdout and stderr) and its exit code. */
  record Result(int exitCode, String said) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code promtool ARGS...}; the test is skipped where promtool is not installed. */
  static Result run(String... args) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(PATH), "promtool is not installed (apt-get install prometheus)");
    List<String> command = new ArrayList<>(List.of(PATH.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("promtool " + String.join(" ", args) + " did not finish: " + said);
    }
    return new Result(process.exitValue(), said);
  }
}
