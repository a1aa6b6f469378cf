package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.rtc.SimulatedTime;
import dev.cloudmetrics.serve.Scrape;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays flat: an exporter of 1,000 series polled every minute for two simulated hours
 * against the emulator, scraped at every poll, holds the same heap after a full collection at the
 * end as after the first ten minutes (within 10%). Simulated time: it runs in seconds.
 */
class ServeSoakTest {
  static final Instant START = Instant.parse("2024-05-20T04:00:07Z");
  static final int STREAMS = 1_000;
  static final Duration SOAK = Duration.ofHours(2);

  @TempDir Path home;

  @Test
  void aThousandSeriesForTwoHoursOfPollsKeepTheHeapFlatAndCostOneRequestPerPoll() throws Exception {
    Path streams = home.resolve("streams.txt");
    Files.writeString(streams, IntStream.range(0, STREAMS).mapToObj(i -> "rtmp://soak.example/live/s" + i)
        .collect(Collectors.joining("\n", "", "\n")));
    SimulatedTime time = new SimulatedTime(START, START.plus(SOAK));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<Long> heap = new ArrayList<>();
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, time, 0, false))) {
      ServeCommandTest.Served served = new ServeCommandTest.Served(time, home);
      int[] firstPoll = {-1};
      time.onWake(now -> {
        if (firstPoll[0] < 0) {
          firstPoll[0] = emulator.requestCount();
        }
        int series = Scrape.of(Scrape.samples(served.port()), "cloudmetrics_cdn_online_users").size();
        assertEquals(STREAMS, series, "at " + now);
        if (time.wakes().size() % 10 == 0) {
          System.gc();
          heap.add(memory.getHeapMemoryUsage().getUsed());
        }
      });
      ServeCommandTest.Run run = served.run(ServeCommandTest.cdnKeys(), "cdn", "online-users", "--endpoint",
          emulator.baseUri().toString(), "--streams-file", streams.toString(), "--per-stream", "-g", "1m",
          "--last", "10m", "--rate", "1000", "--serve", "127.0.0.1:0");

      assertEquals(ExitCode.OK, run.exitCode(), run.err());
      // 1,000 series of one bucket fit in one request: one request per poll after the first.
      assertEquals(firstPoll[0] + time.wakes().size(), emulator.requestCount());
      assertTrue(time.wakes().size() >= 118, "polls: " + time.wakes().size());
    }
    long first = heap.get(0);
    long most = heap.stream().mapToLong(Long::longValue).max().orElseThrow();
    long least = heap.stream().mapToLong(Long::longValue).min().orElseThrow();
    long last = heap.get(heap.size() - 1);
    assertTrue(heap.size() >= 11, heap.toString());
    assertTrue(Math.abs(last - first) <= first / 10, "heap after GC, every 10 polls: " + heap);
    assertTrue(most - least <= least / 10, "heap after GC, every 10 polls: " + heap);
  }
}
