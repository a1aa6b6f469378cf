package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C, for real: SIGINT to a launched {@code cloudmetrics} watching into an --output file. */
class WatchInterruptTest {
  private static final long PATIENCE_SECONDS = 60;

  @TempDir Path directory;

  @Test
  void sigintEndsAWatchWith130AndAValidCompleteCsvFile() throws Exception {
    Path file = directory.resolve("rtc.csv");
    Path err = directory.resolve("stderr.txt");
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
      List<String> command = new ArrayList<>(sigintAsDefault());
      command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName(),
          "rtc", "list-realtime", "--endpoint", emulator.baseUri().toString(), "--app-id", "app1,app2", "--watch",
          "--last", "5m", "-o", file.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().put("VOLCENGINE_ACCESS_KEY", DemoCredentials.VOLCENGINE.accessKeyId());
      builder.environment().put("VOLCENGINE_SECRET_KEY", DemoCredentials.VOLCENGINE.secretAccessKey());
      builder.environment().put("HOME", directory.toString());
      Process process = builder.start();
      try {
        // The first commit of the file: the window printed, the watch waiting for its next poll.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!Files.exists(file) && process.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertTrue(Files.exists(file), () -> "no output file; stderr: " + read(err));
        Instant interrupted = Instant.now();
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor());
        assertTrue(process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "still running after SIGINT");

        assertEquals(ExitCode.INTERRUPTED, process.exitValue(), read(err));
        assertTrue(read(err).endsWith("cloudmetrics: interrupted\n"), read(err));
        assertCompleteCsv(file, interrupted);
        try (Stream<Path> left = Files.list(directory)) {
          assertEquals(List.of(file, err), left.sorted().toList(), "temporary files left behind");
        }
      } finally {
        process.destroyForcibly();
      }
    }
  }

  /** RFC 4180 with the header once, and every bucket of both apps once, in order, each complete when written. */
  private static void assertCompleteCsv(Path file, Instant interrupted) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\n") && !text.contains("\r"), text);
    List<CSVRecord> records;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      records = CSVFormat.RFC4180.parse(in).getRecords();
    }
    assertEquals(List.of("time", "app_id", "indicator", "value"), records.get(0).toList());
    assertTrue(records.size() > 1, text);
    Instant first = time(records.get(1));
    List<String> indicators = List.of("online_user_count", "online_room_count");
    for (int i = 1; i < records.size(); i++) {
      int position = i - 1;
      Instant bucket = first.plusSeconds(30L * (position / 4));
      String app = position % 4 < 2 ? "app1" : "app2";
      String indicator = indicators.get(position % 2);
      assertEquals(List.of(app, indicator, Long.toString(SyntheticData.rtcValue(app, indicator, bucket))),
          records.get(i).toList().subList(1, 4), "record " + i);
      assertEquals(bucket, time(records.get(i)), "record " + i);
      assertTrue(bucket.plusSeconds(50).isBefore(interrupted), "incomplete bucket " + bucket);
    }
    assertEquals(0, (records.size() - 1) % 4, "a bucket without all four of its points");
  }

  private static Instant time(CSVRecord record) {
    return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(record.get(0)));
  }

  /**
   * A job started in the background of a non-interactive shell inherits SIGINT ignored, and a JVM
   * keeps an ignored SIGINT ignored; coreutils' env puts it back to the default for the child.
   */
  static List<String> sigintAsDefault() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return List.of();
    }
    String ignored = Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
        .map(l -> l.substring("SigIgn:".length()).strip()).findFirst().orElse("0");
    boolean sigintIgnored = (Long.parseUnsignedLong(ignored, 16) & (1L << 1)) != 0;
    return sigintIgnored ? List.of("env", "--default-signal=INT") : List.of();
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
