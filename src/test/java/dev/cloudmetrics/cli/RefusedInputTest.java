package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input that used to be accepted and sent (or crash as a bug) is refused: exit 2, one line naming it, nothing sent. */
class RefusedInputTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path home;

  static Map<String, String> credentials() {
    return Map.of("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId(),
        "KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey(),
        "VOLCENGINE_ACCESS_KEY", DemoCredentials.VOLCENGINE.accessKeyId(),
        "VOLCENGINE_SECRET_KEY", DemoCredentials.VOLCENGINE.secretAccessKey());
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(List.of("cdn", "online-users", "-s", "rtmp://a/live/x\u0000y"),
            "--stream 'rtmp://a/live/x\\x00y': holds a control or bidirectional-override character"),
        Arguments.of(List.of("cdn", "online-users", "-s", "rtmp://a/live/x\u001b[31m"),
            "--stream 'rtmp://a/live/x\\x1b[31m': holds a control"),
        Arguments.of(List.of("cdn", "online-users", "-s", "rtmp://a/live/\u202egnp.exe"),
            "--stream 'rtmp://a/live/\\u202egnp.exe': holds a control"),
        Arguments.of(List.of("cdn", "online-users", "-s", "rtmp://a/live/x\ny"),
            "--stream 'rtmp://a/live/x\\ny': holds a control"),
        Arguments.of(List.of("rtc", "list-realtime", "--app-id", "app1\u001b]0;pwned\u0007"),
            "--app-id 'app1\\x1b]0;pwned\\x07': holds a control"),
        Arguments.of(List.of("rtc", "list-realtime", "--app-id", "app\n1"),
            "--app-id 'app\\n1': holds a control"),
        Arguments.of(List.of("cdn", "online-users", "-s", "rtmp://a/live/x", "--signing-region", "cn shanghai\r\nX: 1"),
            "--signing-region 'cn shanghai\\r\\nX: 1': not a region name"),
        Arguments.of(List.of("cdn", "online-users", "-s", "rtmp://a/live/x", "--signing-region", "CN-SHANGHAI"),
            "--signing-region 'CN-SHANGHAI': not a region name"),
        Arguments.of(List.of("cdn", "online-users", "-s", "rtmp://a/live/x", "--endpoint", "http://127.0.0.1:99999"),
            "--endpoint 'http://127.0.0.1:99999': port 99999 is not a TCP port; expected 1 to 65535"),
        Arguments.of(List.of("rtc", "list-realtime", "--app-id", "a", "--endpoint", "http://127.0.0.1:99999"),
            "--endpoint 'http://127.0.0.1:99999': port 99999 is not a TCP port"),
        Arguments.of(List.of("emulator", "--port", "70000"),
            "--port '70000': not a TCP port; expected 0 (any free one) to 65535"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void isRefusedNamingTheFlagAndNothingIsSent(List<String> args, String message) {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      List<String> withEndpoint = args.contains("--endpoint") || args.get(0).equals("emulator") ? args
          : Stream.concat(args.stream(), Stream.of("--endpoint", emulator.baseUri().toString())).toList();

      CliRun.Result result = new CliRun(CLOCK, credentials(), home).run(withEndpoint.toArray(String[]::new));

      assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
      assertTrue(result.err().startsWith("cloudmetrics: " + message), result.err());
      assertEquals(1, result.err().lines().count(), result.err());
      assertEquals(0, emulator.requestCount());
    }
  }

  @Test
  void aStreamsFileThatIsNotUtf8IsRefusedNamingTheLine() throws IOException {
    Path file = home.resolve("streams.txt");
    byte[] gbk = "rtmp://a/live/\u76f4\u64ad\n".getBytes(java.nio.charset.Charset.forName("GBK"));
    Files.write(file, concat("# streams\nrtmp://a/live/one\n".getBytes(StandardCharsets.UTF_8), gbk));
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result fromFile = new CliRun(CLOCK, credentials(), home).run("cdn", "online-users",
          "--streams-file", file.toString(), "--endpoint", emulator.baseUri().toString());
      CliRun.Result fromStdin = new CliRun(CLOCK, credentials(), home).withStdinBytes(Files.readAllBytes(file))
          .run("cdn", "online-users", "--streams-file", "-", "--endpoint", emulator.baseUri().toString());

      for (CliRun.Result result : List.of(fromFile, fromStdin)) {
        assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
        assertEquals("cloudmetrics: --streams-file line 3: not UTF-8 text (save the file as UTF-8; Chinese Windows "
            + "editors may save it as GBK)\n", result.err());
      }
      assertEquals(0, emulator.requestCount());
    }
  }

  @Test
  void aConfigFileWithAByteOrderMarkIsRead() throws IOException {
    Path config = home.resolve("config");
    Files.write(config, ("\uFEFF[default]\nformat = ndjson\n").getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    CliRun.Result result = new CliRun(Clock.systemUTC(), Map.of(), home).run("--sandbox", "--config", config.toString(),
        "cdn", "online-users", "-s", "rtmp://demo.example/live/a", "--last", "30m");

    assertEquals(ExitCode.OK, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("{\"time\":"), result.out());
  }

  @Test
  void aMissingConfigFileIsRefused() {
    Path missing = home.resolve("no-such-config");

    CliRun.Result result = new CliRun(CLOCK, Map.of(), home).run("--sandbox", "--config", missing.toString(),
        "cdn", "online-users", "-s", "rtmp://demo.example/live/a");

    assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
    assertEquals("cloudmetrics: --config '" + missing + "': no such file (cloudmetrics configure --config " + missing
        + " creates it)\n", result.err());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
