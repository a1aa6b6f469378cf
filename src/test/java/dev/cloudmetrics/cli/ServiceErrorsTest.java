package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of answer the services can give that is not data, as the user sees it: one line and an exit code. */
class ServiceErrorsTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String STREAM = "rtmp://demo.example/live/a";

  @TempDir Path home;

  static Map<String, String> volcengine(String key, String secret) {
    return Map.of("VOLCENGINE_ACCESS_KEY", key, "VOLCENGINE_SECRET_KEY", secret);
  }

  static Map<String, String> ksyun(String key, String secret) {
    return Map.of("KSYUN_ACCESS_KEY", key, "KSYUN_SECRET_KEY", secret);
  }

  CliRun.Result rtc(Emulator emulator, Clock clock, Map<String, String> env, String... extra) {
    String[] args = java.util.stream.Stream.concat(
        java.util.stream.Stream.of("rtc", "list-realtime", "--endpoint", emulator.baseUri().toString(), "--app-id", "app1"),
        java.util.stream.Stream.of(extra)).toArray(String[]::new);
    return new CliRun(clock, env, home).run(args);
  }

  CliRun.Result cdn(String endpoint, Clock clock, Map<String, String> env, String... extra) {
    String[] args = java.util.stream.Stream.concat(
        java.util.stream.Stream.of("cdn", "online-users", "--endpoint", endpoint, "-s", STREAM),
        java.util.stream.Stream.of(extra)).toArray(String[]::new);
    return new CliRun(clock, env, home).run(args);
  }

  @Test
  void anUnknownAccessKeyIsACredentialsProblemForBothServices() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result rtc = rtc(emulator, CLOCK, volcengine("AKLTnobody", "x"));
      CliRun.Result cdn = cdn(emulator.baseUri().toString(), CLOCK, ksyun("AKLTnobody", "x"));

      assertEquals(ExitCode.CREDENTIALS, rtc.exitCode(), rtc.err());
      assertTrue(rtc.err().startsWith("cloudmetrics: InvalidAccessKey: "), rtc.err());
      assertEquals(ExitCode.CREDENTIALS, cdn.exitCode(), cdn.err());
      assertTrue(cdn.err().startsWith("cloudmetrics: InvalidClientTokenId: "), cdn.err());
    }
  }

  @Test
  void aWrongSessionTokenIsRefused() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      Map<String, String> env = new java.util.HashMap<>(volcengine(DemoCredentials.VOLCENGINE_STS.accessKeyId(),
          DemoCredentials.VOLCENGINE_STS.secretAccessKey()));
      env.put("VOLCENGINE_SESSION_TOKEN", "expired-token");

      CliRun.Result result = rtc(emulator, CLOCK, env);

      assertEquals(ExitCode.CREDENTIALS, result.exitCode(), result.err());
      assertTrue(result.err().contains("InvalidSecurityToken"), result.err());
      assertFalse(result.err().contains("expired-token"), result.err());
    }
  }

  @Test
  void aCdnClockOffByMoreThanFifteenMinutesIsRequestExpired() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      Clock skewed = Clock.offset(CLOCK, Duration.ofMinutes(-16));
      CliRun.Result result = cdn(emulator.baseUri().toString(), skewed,
          ksyun(DemoCredentials.KSYUN.accessKeyId(), DemoCredentials.KSYUN.secretAccessKey()));

      assertEquals(ExitCode.CREDENTIALS, result.exitCode(), result.err());
      assertTrue(result.err().contains("RequestExpired"), result.err());
    }
  }

  @Test
  void whatOnlyTheServiceCanRefuseIsExitFourWithItsCode() {
    // Five minutes behind the service: the client thinks --last 60m is inside the hour, the service does not.
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      Clock behind = Clock.offset(CLOCK, Duration.ofMinutes(-5));
      CliRun.Result result = rtc(emulator, behind,
          volcengine(DemoCredentials.VOLCENGINE.accessKeyId(), DemoCredentials.VOLCENGINE.secretAccessKey()), "--last", "60m");

      assertEquals(ExitCode.API_REJECTED, result.exitCode(), result.err());
      assertTrue(result.err().lines().anyMatch(l -> l.startsWith("cloudmetrics: InvalidParameter.OutofTimeRange: ")), result.err());
      assertTrue(result.err().contains("(request id "), result.err());
    }
  }

  @Test
  void xmlErrorBodiesAreReadToo() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, true))) {
      CliRun.Result result = cdn(emulator.baseUri().toString(), CLOCK,
          ksyun(DemoCredentials.KSYUN.accessKeyId(), DemoCredentials.KSYUN.secretAccessKey()), "-s", "rtmp://x.unknown.example/live/b");

      assertEquals(ExitCode.API_REJECTED, result.exitCode(), result.err());
      assertTrue(result.err().startsWith("cloudmetrics: InvalidDomain.NotFound: "), result.err());
    }
  }

  @Test
  void aProxyPageInsteadOfDataIsExitFiveWithItsFirstBytes() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer proxy = answering(200, "text/html", "<html><body>Gateway login required</body></html>", requests);
    try {
      CliRun.Result result = cdn("http://127.0.0.1:" + proxy.getAddress().getPort(), CLOCK,
          ksyun(DemoCredentials.KSYUN.accessKeyId(), DemoCredentials.KSYUN.secretAccessKey()));

      assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
      assertEquals(1, result.err().lines().count(), result.err());
      assertTrue(result.err().contains("<html><body>Gateway"), result.err());
      assertEquals("", result.out());
    } finally {
      proxy.stop(0);
    }
  }

  @Test
  void aFailingServiceIsRetriedThenExitFive() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer proxy = answering(503, "text/html", "<html>503 Service Temporarily Unavailable</html>", requests);
    try {
      CliRun.Result result = cdn("http://127.0.0.1:" + proxy.getAddress().getPort(), CLOCK,
          ksyun(DemoCredentials.KSYUN.accessKeyId(), DemoCredentials.KSYUN.secretAccessKey()), "--retries", "2");

      assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
      assertEquals(3, requests.get());
      assertTrue(result.err().contains("503"), result.err());
    } finally {
      proxy.stop(0);
    }
  }

  @Test
  void nothingListeningIsExitFiveNamingTheAddress() {
    CliRun.Result result = cdn("http://127.0.0.1:9", CLOCK,
        ksyun(DemoCredentials.KSYUN.accessKeyId(), DemoCredentials.KSYUN.secretAccessKey()), "--retries", "0");

    assertEquals(ExitCode.SERVICE_FAILED, result.exitCode(), result.err());
    assertTrue(result.err().contains("127.0.0.1:9"), result.err());
    assertEquals(1, result.err().lines().count(), result.err());
  }

  private static HttpServer answering(int status, String type, String body, AtomicInteger requests) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return server;
  }
}
