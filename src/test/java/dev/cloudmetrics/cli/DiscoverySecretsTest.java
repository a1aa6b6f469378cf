package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.Catalogue;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.emulator.FaultPlan;
import dev.cloudmetrics.http.ScriptedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RTC apps' keys never leave the ListApps parser: every output channel of every kind of
 * --app-id all run (formats, -v, --debug, --dry-run, an output file, failures) is searched for them.
 */
class DiscoverySecretsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:10:00Z"); // all five apps exist
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path home;

  /** Every key the emulator hands out, and the marker all of them start with. */
  static List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (Catalogue.App app : Catalogue.apps(NOW)) {
      keys.add(app.appKey());
      keys.add(app.secondaryAppKey());
    }
    return keys;
  }

  static void assertNoKey(String channel, String text) {
    for (String key : keys()) {
      assertFalse(text.contains(key), channel + " holds the key " + key + ":\n" + text);
    }
    assertFalse(text.contains("emukey"), channel + " holds part of a key:\n" + text);
  }

  /** {@code cloudmetrics LOG rtc list-realtime --app-id all --last 2m OPTIONS} against {@code endpoint}. */
  CliRun.Result run(String endpoint, String log, String... options) {
    String[] args = Stream.concat(Stream.of(log, "rtc", "list-realtime", "--endpoint", endpoint, "--app-id", "all",
        "--last", "2m"), Stream.of(options)).toArray(String[]::new);
    return new CliRun(CLOCK, ListRealtimeCommandTest.credentials(DemoCredentials.VOLCENGINE.secretAccessKey()), home)
        .run(args);
  }

  @Test
  void theEmulatorDoesSendKeysSoTheSearchCanFindThem() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result debug = run(emulator.baseUri().toString(), "--debug");

      assertEquals(0, debug.exitCode(), debug.err());
      // The answer had the fields; the log shows them masked.
      assertTrue(debug.err().contains("\"AppKey\":\"<redacted>\",\"SecondaryAppKey\":\"<redacted>\""), debug.err());
      assertTrue(keys().stream().allMatch(key -> key.startsWith("emukey")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json", "ndjson", "table", "prometheus", "influx", "chart"})
  void noFormatShowsAKey(String format) {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      for (String log : List.of("-v", "--debug")) {
        CliRun.Result real = run(emulator.baseUri().toString(), log, "-f", format);
        assertEquals(0, real.exitCode(), real.err());
        assertTrue(real.out().contains("demo-events"), real.out());
        assertNoKey(format + " stdout", real.out());
        assertNoKey(format + " " + log + " stderr", real.err());
      }
    }
  }

  @Test
  void anOutputFileAndTheDryRunShowNoKey() throws IOException {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      Path file = home.resolve("rtc.json");
      CliRun.Result toFile = run(emulator.baseUri().toString(), "--debug", "-f", "json", "-o", file.toString());
      CliRun.Result dryRun = run(emulator.baseUri().toString(), "--debug", "--dry-run");

      assertEquals(0, toFile.exitCode(), toFile.err());
      assertEquals(0, dryRun.exitCode(), dryRun.err());
      assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("demo-events"));
      assertNoKey("the output file", Files.readString(file, StandardCharsets.UTF_8));
      assertNoKey("stderr", toFile.err() + dryRun.err());
      assertNoKey("stdout", toFile.out() + dryRun.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"truncate=first1", "html502=first1", "500=first1", "reset=first1", "ok=first1,503=100%"})
  void failuresShowNoKey(String faults) {
    EmulatorOptions options = new EmulatorOptions(0, CLOCK, 0, false).withFaults(FaultPlan.parse(faults));
    try (Emulator emulator = Emulator.start(options)) {
      CliRun.Result result = run(emulator.baseUri().toString(), "--debug", "--retries", "0");

      assertEquals(5, result.exitCode(), result.err());
      assertNoKey("stdout", result.out());
      assertNoKey("stderr", result.err());
    }
  }

  @Test
  void anUnreadableListingQuotesNoKey() throws IOException {
    // A body that breaks right after a key: a parser that quoted the text around the error would show it.
    String body = "{\"ResponseMetadata\":{},\"Result\":{\"AppList\":[{\"AppId\":\"a\",\"AppKey\":\"emukeyTOPSECRET\""
        + " \"SecondaryAppKey\":\"emukeyALSOSECRET\"}],\"Total\":1}}";
    try (ScriptedServer server = new ScriptedServer(ScriptedServer.Reply.of(200, body))) {
      CliRun.Result result = run(server.uri().toString(), "-v", "--retries", "0");

      assertEquals(5, result.exitCode(), result.err());
      assertTrue(result.err().contains("cloudmetrics: ListApps: unreadable response: not valid JSON at line 1"),
          result.err());
      assertFalse((result.out() + result.err()).contains("emukey"), result.err());
    }
  }
}
