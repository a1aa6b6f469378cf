package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.FaultPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT, for real, to a launched planned run: stdout ends on a whole row and the
 * message's --start fetches exactly the rest (exit 143); an --output file is left as it was with no
 * temporary file behind (exit 130).
 */
class OneShotInterruptTest {
  private static final long PATIENCE_SECONDS = 60;
  private static final Pattern RESUME = Pattern.compile("--start (\\S+) --end (\\S+)\n$");

  @TempDir Path directory;

  /** Nine requests of a week of hours each, one at a time and each answered after 700 ms. */
  private List<String> command(Emulator emulator, Instant start, Instant end, String... extra) throws IOException {
    List<String> command = new ArrayList<>(WatchInterruptTest.sigintAsDefault());
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "cdn", "online-users", "--endpoint", emulator.baseUri().toString(), "-s", "rtmp://demo.example/live/a",
        "-g", "1h", "--start", start.toString(), "--end", end.toString(), "--concurrency", "1", "--tz", "UTC"));
    command.addAll(List.of(extra));
    return command;
  }

  private static Process start(List<String> command, Path out, Path err, Path home) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId());
    builder.environment().put("KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey());
    builder.environment().put("HOME", home.toString());
    return builder.start();
  }

  @Test
  void sigtermEndsStdoutOnAWholeRowAndTheAdviceResumesExactly() throws Exception {
    Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    Instant start = end.minus(Duration.ofDays(60));
    Path out = directory.resolve("out.csv");
    Path err = directory.resolve("err.txt");
    Path home = Files.createDirectories(directory.resolve("home"));
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withFaults(FaultPlan.parse("slow=100%:700ms")))) {
      Process process = start(command(emulator, start, end, "-f", "csv"), out, err, home);
      try {
        awaitOrFail(() -> lines(out) > 1 || !process.isAlive(), err);
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
        assertTrue(process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "still running after SIGTERM");

        assertEquals(143, process.exitValue(), read(err));
        String message = read(err);
        assertEquals(1, message.lines().count(), message);
        Matcher resume = RESUME.matcher(message);
        assertTrue(message.startsWith("cloudmetrics: interrupted; every bucket before ") && resume.find(), message);
        assertEquals(end.toString().replace("Z", "+00:00"), resume.group(2));
        String stopped = read(out);
        assertTrue(stopped.endsWith("\r\n") || stopped.endsWith("\n"), stopped);
        assertTrue(lines(out) < 1 + 60 * 24, "the run was not interrupted: " + lines(out) + " lines");

        CliRun fresh = new CliRun(Clock.systemUTC(), Map.of("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
            "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey()), home);
        try (Emulator clean = Emulator.start(EmulatorOptions.defaults())) {
          List<String> common = List.of("cdn", "online-users", "--endpoint", clean.baseUri().toString(),
              "-s", "rtmp://demo.example/live/a", "-g", "1h", "--tz", "UTC", "-f", "csv", "--rate", "100");
          CliRun.Result whole = fresh.run(Stream.concat(common.stream(),
              Stream.of("--start", start.toString(), "--end", end.toString())).toArray(String[]::new));
          CliRun.Result rest = fresh.run(Stream.concat(common.stream(),
              Stream.of("--no-header", "--start", resume.group(1), "--end", resume.group(2))).toArray(String[]::new));
          assertEquals(0, whole.exitCode(), whole.err());
          assertEquals(0, rest.exitCode(), rest.err());
          assertEquals(whole.out(), stopped + rest.out());
        }
      } finally {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void sigintLeavesTheOutputFileAsItWasAndNoTemporaryFile() throws Exception {
    Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    Path data = Files.createDirectories(directory.resolve("data"));
    Path target = Files.writeString(data.resolve("viewers.csv"), "yesterday\n");
    Path err = directory.resolve("err.txt");
    Path home = Files.createDirectories(directory.resolve("home"));
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults().withFaults(FaultPlan.parse("slow=100%:700ms")))) {
      Process process = start(command(emulator, end.minus(Duration.ofDays(60)), end, "-o", target.toString()),
          directory.resolve("out.txt"), err, home);
      try {
        // Rows are in the temporary file: the first request was answered.
        awaitOrFail(() -> temporaryFiles(data).stream().anyMatch(p -> size(p) > 100) || !process.isAlive(), err);
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor());
        assertTrue(process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "still running after SIGINT");

        assertEquals(ExitCode.INTERRUPTED, process.exitValue(), read(err));
        assertEquals("cloudmetrics: interrupted; the --output file was left as it was; run again to retry\n", read(err));
        assertEquals("yesterday\n", Files.readString(target));
        assertEquals(List.of(), temporaryFiles(data), "temporary files left behind");
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static void awaitOrFail(BooleanSupplier condition, Path err) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(condition.getAsBoolean(), () -> "the run neither wrote nor ended; stderr: " + read(err));
  }

  private static List<Path> temporaryFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }

  private static long lines(Path path) {
    return read(path).lines().count();
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
