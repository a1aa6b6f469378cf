package dev.cloudmetrics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.failure.ApiErrorException;
import dev.cloudmetrics.failure.CredentialsException;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.http.ScriptedServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
  private static final String OK = "{\"ResponseMetadata\":{\"RequestId\":\"r1\"},\"Result\":{}}";
  private static final String THROTTLED =
      "{\"ResponseMetadata\":{\"RequestId\":\"r2\",\"Error\":{\"Code\":\"FlowLimitExceeded\",\"Message\":\"slow down\"}}}";
  private static final String INVALID =
      "{\"ResponseMetadata\":{\"RequestId\":\"r3\",\"Error\":{\"Code\":\"InvalidParameter\",\"Message\":\"bad AppId\"}}}";

  /** Reads the envelope test answers use: an error code after {@code "Code":"}. */
  private static final ErrorDecoder DECODER = response -> {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    int at = body.indexOf("\"Code\":\"");
    if (at < 0) {
      return Optional.empty();
    }
    String code = body.substring(at + 8, body.indexOf('"', at + 8));
    return Optional.of(new ApiError(response.status(), code, "test", Optional.empty()));
  };

  private static TransportSettings settings(int retries, double requestsPerSecond) {
    return new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), retries,
        Duration.ofMillis(1), Duration.ofMillis(5), requestsPerSecond);
  }

  /** Signs each attempt afresh: the header counts the calls, as a new timestamp would differ. */
  private static Supplier<ApiRequest> numbered(URI uri, AtomicInteger calls) {
    return () -> new ApiRequest("POST", uri, Map.of("X-Attempt", Integer.toString(calls.incrementAndGet())),
        "{}".getBytes(StandardCharsets.UTF_8));
  }

  /** A long-running exporter or watch builds transports again: a closed one leaves no worker threads behind. */
  @Test
  void aClosedTransportLeavesNoWorkerThreads() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, OK), Reply.of(200, OK))) {
      java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
      HttpTransport transport = new HttpTransport(settings(0, 0), RequestLog.silent());
      transport.send("Test", numbered(server.uri(), new AtomicInteger()), DECODER);
      List<Thread> workers = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> thread.getName().startsWith("cloudmetrics-http-") && !before.contains(thread)).toList();
      assertFalse(workers.isEmpty(), "the client ran on no worker of its own");
      transport.close();
      for (Thread worker : workers) {
        worker.join(5_000);
        assertFalse(worker.isAlive(), worker.getName() + " outlived its transport");
      }
    }
  }

  @Test
  void plainHttpSetsUpNoTlsWhileHttpsStillSpeaksTls() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, OK), Reply.of(200, OK))) {
      HttpTransport transport = new HttpTransport(settings(0, 0), RequestLog.silent());
      transport.send("Test", numbered(server.uri(), new AtomicInteger()), DECODER);
      assertTrue(transport.built(false));
      assertFalse(transport.built(true), "an http:// request built the TLS client");

      // The same plain server over https://: a real TLS client starts a handshake the plain server
      // never answers, instead of the plain client refusing or sending the request in the clear.
      HttpTransport tls = new HttpTransport(new TransportSettings(Duration.ofMillis(500), Duration.ofSeconds(1), 0,
          Duration.ofMillis(1), Duration.ofMillis(5), 0), RequestLog.silent());
      URI https = URI.create(server.uri().toString().replaceFirst("^http:", "https:"));
      ServiceFailureException e = assertThrows(ServiceFailureException.class,
          () -> tls.send("Test", numbered(https, new AtomicInteger()), DECODER));
      assertTrue(tls.built(true));
      assertFalse(tls.built(false));
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        assertFalse(cause instanceof UnsupportedOperationException, "the plain client was asked for TLS: " + e);
      }
      assertEquals(1, server.requestCount(), "a request reached the server in the clear");
      assertTrue(e.getMessage().contains("no TLS answer from 127.0.0.1:" + server.uri().getPort() + " within 500 ms"
          + " (1 attempt), though it accepts connections: if that port serves plain HTTP, use http://"), e.getMessage());
      transport.close();
      tls.close();
    }
  }

  @Test
  void throttlingAndUnavailableAreRetriedUntilTheServiceAnswers() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(429, THROTTLED), Reply.of(503, "busy"), Reply.of(200, OK))) {
      AtomicInteger calls = new AtomicInteger();
      ApiResponse response = new HttpTransport(settings(4, 0), RequestLog.silent())
          .send("Test", numbered(server.uri(), calls), DECODER);

      assertEquals(200, response.status());
      assertEquals(OK, new String(response.body(), StandardCharsets.UTF_8));
      assertEquals(List.of("1", "2", "3"), server.headerValues("X-Attempt"));
    }
  }

  @Test
  void anErrorInsideAnHttp200IsAnErrorAndRetriedWhenTransient() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, THROTTLED), Reply.of(200, INVALID))) {
      ApiErrorException e = assertThrows(ApiErrorException.class, () -> new HttpTransport(settings(4, 0),
          RequestLog.silent()).send("Test", numbered(server.uri(), new AtomicInteger()), DECODER));

      assertEquals("InvalidParameter", e.error().code());
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void retryAfterDecidesTheWaitInsteadOfTheBackOff() throws Exception {
    try (ScriptedServer server = new ScriptedServer(
        Reply.of(429, THROTTLED).withHeader("Retry-After", "1"), Reply.of(200, OK))) {
      List<Duration> waits = new CopyOnWriteArrayList<>();
      RequestLog log = new RequestLog() {
        @Override
        public void waiting(String action, Duration delay) {
          waits.add(delay);
        }
      };
      new HttpTransport(settings(4, 0), log).send("Test", numbered(server.uri(), new AtomicInteger()), DECODER);

      assertEquals(List.of(Duration.ofSeconds(1)), waits);
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void aClientErrorIsNotRetried() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(400, INVALID), Reply.of(200, OK))) {
      ApiErrorException e = assertThrows(ApiErrorException.class, () -> new HttpTransport(settings(4, 0),
          RequestLog.silent()).send("Test", numbered(server.uri(), new AtomicInteger()), DECODER));

      assertEquals(400, e.error().httpStatus());
      assertEquals("InvalidParameter", e.error().code());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void throttlingThatOutlastsTheRetriesEndsWithTheApiError() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(429, THROTTLED))) {
      ApiErrorException e = assertThrows(ApiErrorException.class, () -> new HttpTransport(settings(2, 0),
          RequestLog.silent()).send("Test", numbered(server.uri(), new AtomicInteger()), DECODER));

      assertEquals("FlowLimitExceeded", e.error().code());
      assertEquals(3, server.requestCount());
    }
  }

  @Test
  void anErrorStatusTheDecoderCannotReadStillFails() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(404, "<html>no such path</html>"))) {
      ApiErrorException e = assertThrows(ApiErrorException.class, () -> new HttpTransport(settings(2, 0),
          RequestLog.silent()).send("Test", numbered(server.uri(), new AtomicInteger()), r -> Optional.empty()));

      assertEquals("HTTP404", e.error().code());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void aRefusedConnectionIsAServiceFailureNamingTheActionAndTheAddress() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/");
    AtomicInteger calls = new AtomicInteger();

    ServiceFailureException e = assertThrows(ServiceFailureException.class, () -> new HttpTransport(settings(1, 0),
        RequestLog.silent()).send("ListRealTimeOperationData", numbered(closed, calls), DECODER));

    assertTrue(e.getMessage().startsWith("ListRealTimeOperationData: cannot connect to 127.0.0.1:" + port + " (Connection refused)"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("after 2 attempts"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertEquals(2, calls.get());
  }

  @Test
  void aServiceThatNeverAnswersTimesOutOnEveryAttempt() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.hanging())) {
      TransportSettings impatient = new TransportSettings(Duration.ofSeconds(5), Duration.ofMillis(200), 1,
          Duration.ofMillis(1), Duration.ofMillis(5), 0);

      ServiceFailureException e = assertThrows(ServiceFailureException.class, () -> new HttpTransport(impatient,
          RequestLog.silent()).send("Test", numbered(server.uri(), new AtomicInteger()), DECODER));

      assertEquals("Test: no complete answer from " + server.uri().getAuthority() + " within 200 ms (2 attempts)", e.getMessage());
      assertEquals(2, server.requestCount());
    }
  }

  @Test
  void aFailureWhileSigningIsNeitherRetriedNorWrapped() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, OK))) {
      CredentialsException missing = new CredentialsException("no key");
      AtomicInteger calls = new AtomicInteger();
      Supplier<ApiRequest> failing = () -> {
        calls.incrementAndGet();
        throw missing;
      };

      CredentialsException e = assertThrows(CredentialsException.class,
          () -> new HttpTransport(settings(4, 0), RequestLog.silent()).send("Test", failing, DECODER));

      assertSame(missing, e);
      assertEquals(1, calls.get());
      assertEquals(0, server.requestCount());
    }
  }

  @Test
  void theRateLimitHoldsBackTheNextRequestOfAnySendUntilInterrupted() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, OK))) {
      // One request an hour: the first goes at once, the second waits for its permit.
      HttpTransport transport = new HttpTransport(settings(0, 1.0 / 3600), RequestLog.silent());
      CountDownLatch firstDone = new CountDownLatch(1);
      AtomicReference<RuntimeException> second = new AtomicReference<>();
      AtomicReference<Boolean> stillInterrupted = new AtomicReference<>(false);
      Thread caller = new Thread(() -> {
        transport.send("Test", numbered(server.uri(), new AtomicInteger()), DECODER);
        firstDone.countDown();
        try {
          transport.send("Test", numbered(server.uri(), new AtomicInteger()), DECODER);
        } catch (RuntimeException e) {
          second.set(e);
          stillInterrupted.set(Thread.currentThread().isInterrupted());
        }
      });
      caller.start();
      firstDone.await();
      caller.interrupt();
      caller.join();

      assertTrue(second.get() instanceof ServiceFailureException, String.valueOf(second.get()));
      assertEquals("interrupted", second.get().getMessage());
      assertTrue(stillInterrupted.get());
      assertEquals(1, server.requestCount());
    }
  }

  @Test
  void everyAttemptCarriesTheUserAgent() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(503, "busy"), Reply.of(200, OK))) {
      new HttpTransport(settings(4, 0), RequestLog.silent()).send("Test", numbered(server.uri(), new AtomicInteger()), DECODER);

      List<String> agents = server.headerValues("User-Agent");
      assertEquals(2, agents.size());
      assertTrue(agents.stream().allMatch(a -> a.matches("cloudmetrics/\\d+\\.\\d+\\.\\d+.*")), agents.toString());
    }
  }

  @Test
  void verboseLogsOneLinePerAttemptWithTheStatusAndErrorCode() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(429, THROTTLED), Reply.of(200, OK))) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      new HttpTransport(settings(4, 0), RequestLog.verbose(new PrintStream(err, true, StandardCharsets.UTF_8)))
          .send("ListRealTimeOperationData", numbered(server.uri(), new AtomicInteger()), DECODER);

      List<String> lines = new ArrayList<>(err.toString(StandardCharsets.UTF_8).lines().toList());
      lines.removeIf(line -> line.startsWith("cloudmetrics: retrying "));
      assertEquals(2, lines.size(), lines.toString());
      assertTrue(lines.get(0).matches(
          "cloudmetrics: POST ListRealTimeOperationData 429 FlowLimitExceeded in \\d+ ms \\(attempt 1 of 5\\)"), lines.get(0));
      assertTrue(lines.get(1).matches(
          "cloudmetrics: POST ListRealTimeOperationData 200 in \\d+ ms \\(attempt 2 of 5\\)"), lines.get(1));
    }
  }

  @Test
  void debugShowsRequestAndResponseWithoutSecrets() throws Exception {
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, OK).withHeader("X-Security-Token", "tok-secret"))) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      String signature = "0123456789abcdef".repeat(4);
      Supplier<ApiRequest> signed = () -> new ApiRequest("POST", server.uri(), Map.of(
          "Authorization", "HMAC-SHA256 Credential=AKLTexample/20240520/cn-north-1/rtc/request, "
              + "SignedHeaders=host;x-date, Signature=" + signature,
          "X-Security-Token", "sts-secret-token"), "{\"AppId\":\"a\"}".getBytes(StandardCharsets.UTF_8));

      new HttpTransport(settings(0, 0), RequestLog.debug(new PrintStream(err, true, StandardCharsets.UTF_8)))
          .send("Test", signed, DECODER);

      String log = err.toString(StandardCharsets.UTF_8);
      assertTrue(log.contains("Credential=AKLT****/20240520/cn-north-1/rtc/request"), log);
      assertTrue(log.contains("{\"AppId\":\"a\"}"), log);
      assertTrue(log.contains(OK), log);
      assertFalse(log.contains(signature) || log.contains("sts-secret-token") || log.contains("tok-secret"), log);
    }
  }
}
