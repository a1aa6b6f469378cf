package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where -o may lead: a symbolic link to a regular file replaces the file and keeps the link; a
 * device or FIFO (or a link to one) is written to directly, never replaced; a path that cannot be
 * written is refused before anything is sent (exit 2), and a full device fails with exit 5, both
 * naming the path.
 */
class OutputFileTargetsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path directory;

  CliRun.Result run(Emulator emulator, String output) {
    return new CliRun(CLOCK, Map.of("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey()), directory)
        .run("cdn", "online-users", "--endpoint", emulator.baseUri().toString(), "-s", "rtmp://demo.example/live/a",
            "--last", "30m", "-f", "csv", "-o", output);
  }

  String expected(Emulator emulator) throws IOException {
    Path plain = directory.resolve("plain.csv");
    assertEquals(0, run(emulator, plain.toString()).exitCode());
    return Files.readString(plain, StandardCharsets.UTF_8);
  }

  @Test
  void aLinkToARegularFileReplacesTheFileAndStaysALink() throws IOException {
    Path data = Files.createDirectories(directory.resolve("data"));
    Path file = Files.writeString(data.resolve("viewers.csv"), "old\n");
    Path link = Files.createSymbolicLink(directory.resolve("latest.csv"), Path.of("data/viewers.csv"));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result result = run(emulator, link.toString());

      assertEquals(new CliRun.Result(0, "", ""), result);
      assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
      assertEquals(expected(emulator), Files.readString(file, StandardCharsets.UTF_8));
      try (Stream<Path> left = Files.list(data)) {
        assertEquals(List.of(file), left.toList(), "temporary files left beside the target");
      }
    }
  }

  @Test
  void aFifoIsWrittenToAndStaysAFifo() throws Exception {
    Path fifo = directory.resolve("rows.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
        try (InputStream in = Files.newInputStream(fifo)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          return "unreadable: " + e;
        }
      });
      CliRun.Result result = run(emulator, Files.createSymbolicLink(directory.resolve("link"), fifo).toString());

      assertEquals(new CliRun.Result(0, "", ""), result);
      assertEquals(expected(emulator), reader.get(30, TimeUnit.SECONDS));
      assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "the FIFO was replaced by a file");
    }
  }

  @Test
  void aFullDeviceBehindALinkFailsWithExit5NamingThePathAndIsNotReplaced() throws IOException {
    Path link = Files.createSymbolicLink(directory.resolve("full.csv"), Path.of("/dev/full"));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result result = run(emulator, link.toString());

      assertEquals(new CliRun.Result(ExitCode.SERVICE_FAILED, "",
          "cloudmetrics: cannot write to --output '" + link + "': No space left on device\n"), result);
      assertFalse(Files.isRegularFile(Path.of("/dev/full")), "/dev/full was replaced by a file");
      assertTrue(Files.isSymbolicLink(link));
    }
  }

  @Test
  void aPathNoFileCanBeCreatedAtIsRefusedBeforeAnythingIsSent() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result result = run(emulator, "/proc/x");

      assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
      assertTrue(result.err().startsWith("cloudmetrics: --output '/proc/x': "), result.err());
      assertEquals(1, result.err().lines().count(), result.err());
      assertEquals(0, emulator.requestCount());
    }
  }
}
