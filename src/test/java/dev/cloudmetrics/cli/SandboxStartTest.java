package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A --sandbox query starts its emulator while the command line is still being parsed; the run
 * uses that one, and a run that fails before it gets to it leaves no server behind.
 */
class SandboxStartTest {
  @TempDir Path home;

  @Test
  void aSandboxQueryAnswersFromTheEmulatorStartedAhead() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    CliRun.Result result = run("--sandbox", "cdn", "online-users", "-s", "rtmp://demo.example/live/a", "--last", "30m",
        "-f", "csv");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("time,online_users"), result.out());
    assertEquals("", result.err());
    assertEquals(List.of(), serversStartedSince(before));
  }

  @Test
  void aRunRefusedBeforeItsRequestLeavesNoEmulatorRunning() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    CliRun.Result refused = run("--sandbox", "cdn", "online-users", "-s", "rtmp://demo.example/live/a", "--last", "63d");
    CliRun.Result unparsed = run("--sandbox", "rtc", "list-realtime", "--app-id");

    assertEquals(ExitCode.INVALID_INPUT, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("InvalidTime"), refused.err());
    assertEquals(ExitCode.INVALID_INPUT, unparsed.exitCode(), unparsed.err());
    assertEquals(List.of(), serversStartedSince(before));
  }

  private CliRun.Result run(String... args) {
    return new CliRun(Clock.systemUTC(), Map.of(), home).run(args);
  }

  /** The JDK HTTP servers' dispatcher threads still alive that were not before. */
  private static List<String> serversStartedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive() && thread.getName().startsWith("HTTP-Dispatcher"))
        .map(Thread::getName).collect(Collectors.toList());
  }
}
