package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.SyntheticData;
import dev.cloudmetrics.output.CheckedStream;
import dev.cloudmetrics.rtc.SimulatedTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtc list-realtime --watch} end to end against the emulator, on simulated time that a Ctrl-C ends. */
class WatchCommandTest {
  static final Instant START = Instant.parse("2024-05-20T04:00:07Z"); // 12:00:07 in Beijing
  static final Instant TEN_MINUTES_LATER = START.plus(Duration.ofMinutes(10));
  static final List<String> INDICATORS = List.of("online_user_count", "online_room_count");
  static final DateTimeFormatter BEIJING = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Asia/Shanghai"));
  static final String INTERRUPTED = "cloudmetrics: interrupted\n";
  static final String FAST = "cloudmetrics: note: --rate 50 is above the 2 requests per second the API documents for an "
      + "account; what it throttles is retried\n";

  @TempDir Path home;

  /** What a run left: exit code, stderr, and each stdout line with the simulated time it was written at. */
  record Run(int exitCode, List<String> lines, List<Instant> writtenAt, String err) {}

  /** Stdout that notes the simulated time at which each line arrived. */
  static final class TimedLines extends OutputStream {
    private final Clock clock;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final List<Instant> writtenAt = new ArrayList<>();

    TimedLines(Clock clock) {
      this.clock = clock;
    }

    List<String> lines() {
      return lines;
    }

    List<Instant> writtenAt() {
      return writtenAt;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(line.toString(StandardCharsets.UTF_8).replaceAll("\r$", ""));
        writtenAt.add(clock.instant());
        line.reset();
      } else {
        line.write(b);
      }
    }
  }

  Run run(SimulatedTime time, String... args) {
    return run(time, false, args);
  }

  Run run(SimulatedTime time, boolean terminal, String... args) {
    return run(home, time, terminal, args);
  }

  /** A watch run with another test's home directory. */
  Run runIn(Path homeDirectory, SimulatedTime time, String... args) {
    return run(homeDirectory, time, false, args);
  }

  private static Run run(Path home, SimulatedTime time, boolean terminal, String... args) {
    TimedLines out = new TimedLines(time);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment = new CliEnvironment(time, ListRealtimeCommandTest.credentials(
        DemoCredentials.VOLCENGINE.secretAccessKey()), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), terminal, home, time);
    int code = Main.run(environment, args);
    return new Run(code, out.lines, out.writtenAt, err.toString(StandardCharsets.UTF_8));
  }

  static String[] watch(String endpoint, String... extra) {
    return Stream.concat(Stream.of("rtc", "list-realtime", "--endpoint", endpoint, "--tz", "Asia/Shanghai", "--watch"),
        Stream.of(extra)).toArray(String[]::new);
  }

  /** The CSV lines of every bucket from {@code first} to {@code last}, for every app and indicator, in order. */
  static List<String> csvRows(List<String> apps, Instant first, Instant last) {
    List<String> rows = new ArrayList<>();
    for (Instant bucket = first; !bucket.isAfter(last); bucket = bucket.plusSeconds(30)) {
      for (String app : apps) {
        for (String indicator : INDICATORS) {
          rows.add(BEIJING.format(bucket) + "," + app + "," + indicator + ","
              + SyntheticData.rtcValue(app, indicator, bucket));
        }
      }
    }
    return rows;
  }

  /** Lines compared one by one, so that a failure names the first difference rather than printing both lists. */
  static void assertSameLines(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), "line " + (i + 1));
    }
    assertEquals(expected.size(), actual.size(), () -> "lines; the first extra or missing: "
        + (expected.size() > actual.size() ? expected : actual).get(Math.min(expected.size(), actual.size())));
  }

  /** The start of the first bucket not complete at {@code t}: its end is not more than 20 s ago. */
  static Instant firstIncomplete(Instant t) {
    return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond() - 21, 30) * 30);
  }

  static Instant beijing(String time) {
    return Instant.parse("2024-05-20T" + time + "+08:00");
  }

  static void assertCompleteWhenWritten(Run run) {
    for (int i = 0; i < run.lines().size(); i++) {
      String line = run.lines().get(i);
      if (Character.isDigit(line.charAt(0))) {
        Instant bucket = Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(line.substring(0, 25)));
        assertTrue(bucket.plusSeconds(30 + 20).isBefore(run.writtenAt().get(i)),
            line + " written at " + run.writtenAt().get(i));
      }
    }
  }

  @Test
  void tenMinutesOfCsvHoldEveryCompleteBucketOnceInOrderUnderOneHeader() {
    SimulatedTime time = new SimulatedTime(START, TEN_MINUTES_LATER);
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      Run run = run(time, watch(emulator.baseUri().toString(), "--app-id", "app1,app2", "-f", "csv", "--rate", "50"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      assertEquals(FAST + INTERRUPTED, run.err());
      List<String> expected = new ArrayList<>(List.of("time,app_id,indicator,value"));
      expected.addAll(csvRows(List.of("app1", "app2"), beijing("11:45:00"), beijing("12:09:00")));
      assertSameLines(expected, run.lines());
      assertCompleteWhenWritten(run);
    }
  }

  @Test
  void aReaderThatGoesAwayEndsTheWatchQuietly() {
    // '--watch | head -n 3': the pipe breaks, and the watch must not poll on for nobody.
    SimulatedTime time = new SimulatedTime(START, TEN_MINUTES_LATER);
    java.util.concurrent.atomic.AtomicInteger lines = new java.util.concurrent.atomic.AtomicInteger();
    OutputStream head = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        if (lines.get() >= 3) {
          throw new IOException("Broken pipe");
        }
        if (b == '\n') {
          lines.incrementAndGet();
        }
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      CliEnvironment environment = new CliEnvironment(time, ListRealtimeCommandTest.credentials(
          DemoCredentials.VOLCENGINE.secretAccessKey()), CheckedStream.stdout(head, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), false, home, time);

      int code = Main.run(environment, watch(emulator.baseUri().toString(), "--app-id", "app1", "-f", "csv"));

      assertEquals(ExitCode.OK, code, err.toString(StandardCharsets.UTF_8));
      assertEquals("", err.toString(StandardCharsets.UTF_8));
      assertTrue(time.instant().isBefore(START.plus(Duration.ofMinutes(2))), "still polling at " + time.instant());
    }
  }

  @Test
  void ndjsonIsOneObjectPerPointAndTableAppendsRowsUnderOneHeader() throws Exception {
    SimulatedTime ndjsonTime = new SimulatedTime(START, START.plus(Duration.ofMinutes(3)));
    SimulatedTime tableTime = new SimulatedTime(START, START.plus(Duration.ofMinutes(3)));
    List<String> expected = csvRows(List.of("app1"), beijing("11:58:00"), beijing("12:02:00"));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, ndjsonTime, 0, false))) {
      Run ndjson = run(ndjsonTime, watch(emulator.baseUri().toString(), "--app-id", "app1", "--last", "2m", "-f", "ndjson",
          "--rate", "50"));

      assertEquals(ExitCode.INTERRUPTED, ndjson.exitCode(), ndjson.err());
      List<String> points = new ArrayList<>();
      for (String line : ndjson.lines()) {
        JsonNode point = new ObjectMapper().readTree(line);
        assertEquals(4, point.size(), line);
        points.add(point.get("time").asText() + "," + point.get("app_id").asText() + ","
            + point.get("indicator").asText() + "," + point.get("value").asText());
      }
      assertSameLines(expected, points);
      assertCompleteWhenWritten(ndjson);
    }
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, tableTime, 0, false))) {
      Run table = run(tableTime, watch(emulator.baseUri().toString(), "--app-id", "app1", "--last", "2m", "-f", "table",
          "--rate", "50"));

      assertEquals(ExitCode.INTERRUPTED, table.exitCode(), table.err());
      assertTrue(table.lines().get(0).matches("TIME +APP_ID +INDICATOR +VALUE"), table.lines().get(0));
      // The rows of later polls line up with the header and the first poll's rows.
      assertTrue(table.lines().stream().allMatch(l -> l.length() == table.lines().get(0).length()), table.lines().toString());
      assertSameLines(expected, table.lines().stream().skip(1).map(l -> String.join(",", l.split(" +"))).toList());
      assertCompleteWhenWritten(table);
    }
  }

  @Test
  void influxAppendsALinePerPointAndCsvHasItsByteOrderMarkOnce() {
    SimulatedTime influxTime = new SimulatedTime(START, START.plus(Duration.ofMinutes(3)));
    SimulatedTime csvTime = new SimulatedTime(START, START.plus(Duration.ofMinutes(3)));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, influxTime, 0, false))) {
      Run influx = run(influxTime, watch(emulator.baseUri().toString(), "--app-id", "app1", "--last", "2m", "-f",
          "influx", "--rate", "50"));

      assertEquals(ExitCode.INTERRUPTED, influx.exitCode(), influx.err());
      List<String> expected = new ArrayList<>();
      for (Instant bucket = beijing("11:58:00"); !bucket.isAfter(beijing("12:02:00")); bucket = bucket.plusSeconds(30)) {
        for (String indicator : INDICATORS) {
          expected.add("cloudmetrics_rtc,app_id=app1,indicator=" + indicator + " value="
              + SyntheticData.rtcValue("app1", indicator, bucket) + " " + bucket.getEpochSecond() + "000000000");
        }
      }
      assertSameLines(expected, influx.lines());
    }
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, csvTime, 0, false))) {
      Run csv = run(csvTime, watch(emulator.baseUri().toString(), "--app-id", "app1", "--last", "2m", "-f", "csv",
          "--bom", "--rate", "50"));

      assertEquals(ExitCode.INTERRUPTED, csv.exitCode(), csv.err());
      List<String> expected = new ArrayList<>(List.of("\uFEFFtime,app_id,indicator,value"));
      expected.addAll(csvRows(List.of("app1"), beijing("11:58:00"), beijing("12:02:00")));
      assertSameLines(expected, csv.lines());
    }
  }

  @Test
  void prometheusInAFileIsAlwaysTheLatestBucketOfEverySeries() throws IOException {
    Path file = home.resolve("rtc.prom");
    AtomicReference<Instant> lastPoll = new AtomicReference<>(START);
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(4))).onWake(now -> {
      Instant latest = firstIncomplete(lastPoll.get()).minusSeconds(30);
      List<String> samples = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
      assertEquals(List.of(
          "cloudmetrics_rtc_indicator{app_id=\"app1\",indicator=\"online_user_count\"} "
              + SyntheticData.rtcValue("app1", "online_user_count", latest),
          "cloudmetrics_rtc_indicator{app_id=\"app1\",indicator=\"online_room_count\"} "
              + SyntheticData.rtcValue("app1", "online_room_count", latest)), samples, "at " + now);
      lastPoll.set(now);
    });
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      Run run = run(time, watch(emulator.baseUri().toString(), "--app-id", "app1", "-f", "prometheus", "-o",
          file.toString(), "--rate", "50"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      assertEquals(FAST + INTERRUPTED, run.err());
      assertEquals(2, Files.readAllLines(file).stream().filter(l -> l.startsWith("# ")).count());
      assertTrue(time.wakes().size() >= 7, time.wakes().toString());
    }
  }

  @Test
  void aChartOnATerminalIsRedrawnInPlaceAtEveryPoll() {
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(3)));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      Run run = run(time, true, watch(emulator.baseUri().toString(), "--app-id", "app1", "--last", "5m", "-f", "chart",
          "--rate", "50"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      String screen = String.join("\n", run.lines());
      // The first drawing and one per poll that brought a new bucket: 12:00:52, 12:01:22, 12:01:52, 12:02:22, 12:02:52.
      assertEquals(6, screen.split("\u001b\\[H\u001b\\[2J", -1).length - 1, screen);
      String last = screen.substring(screen.lastIndexOf("\u001b[2J"));
      assertTrue(last.contains("app1 online_user_count"), last);
      assertTrue(last.contains("11:57:30 to 12:02:00"), last);
    }
  }

  @Test
  void anOutputFileHoldsEveryCompleteBucketSoFarAtEveryMomentAndAfterCtrlC() throws IOException {
    Path file = home.resolve("rtc.csv");
    List<String> all = csvRows(List.of("app1"), beijing("11:45:00"), beijing("12:09:00"));
    AtomicReference<Instant> lastPoll = new AtomicReference<>(START);
    SimulatedTime time = new SimulatedTime(START, TEN_MINUTES_LATER).onWake(now -> {
      // Between two polls: a whole CSV holding every bucket that was complete at the last poll.
      List<String> expected = new ArrayList<>(List.of("time,app_id,indicator,value"));
      expected.addAll(csvRows(List.of("app1"), beijing("11:45:00"), firstIncomplete(lastPoll.get()).minusSeconds(30)));
      assertEquals(String.join("\n", expected) + "\n", Files.readString(file));
      lastPoll.set(now);
    });
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      Run run = run(time, watch(emulator.baseUri().toString(), "--app-id", "app1", "-o", file.toString(),
          "--rate", "50"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      assertEquals(FAST + INTERRUPTED, run.err());
      assertEquals(List.of(), run.lines());
      assertEquals("time,app_id,indicator,value\n" + String.join("\n", all) + "\n", Files.readString(file));
      try (Stream<Path> left = Files.list(home)) {
        assertEquals(List.of(file), left.toList());
      }
      assertTrue(time.wakes().size() >= 19, time.wakes().toString());
    }
  }

  @Test
  void aFifoUnderOutputTakesEveryPollInPlaceAndStaysAFifo() throws Exception {
    Path fifo = home.resolve("rtc.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    List<String> all = csvRows(List.of("app1"), beijing("11:45:00"), beijing("12:09:00"));
    java.util.concurrent.CompletableFuture<String> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (IOException e) {
        return "unreadable: " + e;
      }
    });
    SimulatedTime time = new SimulatedTime(START, TEN_MINUTES_LATER);
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      Run run = run(time, watch(emulator.baseUri().toString(), "--app-id", "app1", "-o", fifo.toString(),
          "--rate", "50"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      // A FIFO's name has no extension: the format it falls back to is noted (cli.md: -f, else the name's).
      assertEquals(FAST + "cloudmetrics: note: -o '" + fifo + "': no format known for that name; writing csv "
          + "(-f chooses one)\n" + INTERRUPTED, run.err());
    }
    assertTrue(reader.get(30, java.util.concurrent.TimeUnit.SECONDS)
        .startsWith("time,app_id,indicator,value\n" + String.join("\n", all) + "\n"));
    assertTrue(!Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the FIFO was replaced");
  }

  @Test
  void pollsFailingForAWhileLeaveNoGap() throws IOException {
    SimulatedTime time = new SimulatedTime(START, TEN_MINUTES_LATER);
    Instant downFrom = beijing("12:02:00");
    Instant downUntil = beijing("12:05:10");
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false));
        FlakyFront front = new FlakyFront(emulator.port(), time, t -> !t.isBefore(downFrom) && t.isBefore(downUntil))) {
      Run run = run(time, watch(front.uri().toString(), "--app-id", "app1,app2", "-f", "csv", "--retries", "1",
          "--rate", "50"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      List<String> expected = new ArrayList<>(List.of("time,app_id,indicator,value"));
      expected.addAll(csvRows(List.of("app1", "app2"), beijing("11:45:00"), beijing("12:09:00")));
      assertSameLines(expected, run.lines());
      assertCompleteWhenWritten(run);
      // Polls at 12:02:22 .. 12:04:52 failed, each said once; the one at 12:05:22 filled the gap from 12:01:30.
      List<String> failed = run.err().lines().filter(l -> l.contains("failed")).toList();
      assertEquals(6, failed.size(), run.err());
      assertTrue(failed.get(0).startsWith("cloudmetrics: note: the poll at 2024-05-20T12:02:22+08:00 failed (")
          && failed.get(0).endsWith("still watching: the next poll asks again from 2024-05-20T12:01:30+08:00"),
          failed.get(0));
      assertTrue(run.err().contains("cloudmetrics: note: polling works again: the buckets from "
          + "2024-05-20T12:01:30+08:00 on are filled in\n"), run.err());
      assertEquals(12, front.refused()); // each of the 6 polls: its first request and one retry
    }
  }

  @Test
  void anOutageLongerThanTheApisHistorySaysWhatIsLostAndPrintsEverythingElseOnce() throws IOException {
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(91)));
    Instant downFrom = beijing("12:01:00");
    Instant downUntil = beijing("13:10:00");
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false));
        FlakyFront front = new FlakyFront(emulator.port(), time, t -> !t.isBefore(downFrom) && t.isBefore(downUntil))) {
      Run run = run(time, watch(front.uri().toString(), "--app-id", "app1", "-f", "csv", "--retries", "0",
          "--interval", "30m"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      // Polls at 12:00:07 (good), 12:30:22 and 13:00:22 (failed), 13:30:22: by then 60 minutes reach back to 12:30:37.
      List<String> expected = new ArrayList<>(List.of("time,app_id,indicator,value"));
      expected.addAll(csvRows(List.of("app1"), beijing("11:45:00"), beijing("11:59:00")));
      expected.addAll(csvRows(List.of("app1"), beijing("12:30:30"), beijing("13:29:30")));
      assertSameLines(expected, run.lines());
      // Each failed poll finds more of the gap out of reach, and says which.
      List<String> lost = run.err().lines().filter(l -> l.contains("no longer available")).toList();
      assertEquals(List.of(
          "cloudmetrics: note: the buckets from 2024-05-20T11:59:30+08:00 to before 2024-05-20T12:00:30+08:00 are no "
              + "longer available (the API keeps 60 minutes) and are missing from the output",
          "cloudmetrics: note: the buckets from 2024-05-20T12:00:30+08:00 to before 2024-05-20T12:30:30+08:00 are no "
              + "longer available (the API keeps 60 minutes) and are missing from the output"), lost);
      assertEquals(2, front.refused());
    }
  }

  @Test
  void fiveAppsWatchedAtTheDocumentedRateAreNeverThrottled() {
    SimulatedTime time = new SimulatedTime(START, START.plus(Duration.ofMinutes(2)));
    List<String> apps = List.of("a1", "a2", "a3", "a4", "a5");
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 2, false))) {
      Run run = run(time, watch(emulator.baseUri().toString(), "--app-id", String.join(",", apps), "-f", "csv", "-v"));

      assertEquals(ExitCode.INTERRUPTED, run.exitCode(), run.err());
      // Polls at 12:00:07, 12:00:52, 12:01:22 and 12:01:52, five requests each, every one answered at once.
      List<String> attempts = run.err().lines().filter(l -> l.startsWith("cloudmetrics: POST ")).toList();
      assertEquals(20, attempts.size(), run.err());
      assertTrue(attempts.stream().allMatch(l -> l.matches("cloudmetrics: POST ListRealTimeOperationData 200 .*")),
          run.err());
      assertEquals(20, emulator.requestCount());
      List<String> expected = new ArrayList<>(List.of("time,app_id,indicator,value"));
      expected.addAll(csvRows(apps, beijing("11:45:00"), beijing("12:01:00")));
      assertSameLines(expected, run.lines());
    }
  }
}
