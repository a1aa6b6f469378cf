package dev.cloudmetrics.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudmetrics.cdn.KsyunErrorDecoder;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.http.ApiResponse;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.http.RequestLog;
import dev.cloudmetrics.http.TransportSettings;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Slow answers against the real transport with a request timeout of a second (the CLI has no
 * timeout option, and its 30 s would make these tests slow): late is a timeout, which is retried.
 * The slow answers take far longer than the timeout, so a busy machine cannot blur the two.
 */
class SlowAnswersTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static HttpTransport transport(int retries) {
    return new HttpTransport(new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), retries,
        Duration.ofMillis(1), Duration.ofMillis(10), 0), RequestLog.silent());
  }

  static ApiResponse fetch(HttpTransport transport, Emulator emulator) {
    return transport.send("GetLiveOnlineUserDataByStream",
        () -> LoopbackCalls.cdnSigned(emulator.baseUri(), LoopbackCalls.cdnParameters(), DemoCredentials.KSYUN, NOW),
        new KsyunErrorDecoder());
  }

  @Test
  void anAnswerLaterThanTheRequestTimeoutIsATimeoutAfterEveryAttempt() {
    try (Emulator emulator = Emulator.start(
        new EmulatorOptions(0, CLOCK, 0, false, FaultPlan.always(Fault.slow(Duration.ofSeconds(30)))))) {
      ServiceFailureException e = assertThrows(ServiceFailureException.class, () -> fetch(transport(1), emulator));

      assertEquals(HttpTimeoutException.class, e.getCause().getClass());
      assertEquals("GetLiveOnlineUserDataByStream: no complete answer from 127.0.0.1:" + emulator.port()
          + " within 1 s (2 attempts)", e.getMessage());
      assertEquals(2, emulator.requestCount());
    }
  }

  @Test
  void aTimedOutRequestIsRetriedAndTheRetryAnswered() {
    try (Emulator slowOnce = Emulator.start(
            new EmulatorOptions(0, CLOCK, 0, false, FaultPlan.first(1, Fault.slow(Duration.ofSeconds(30)))));
        Emulator normal = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      ApiResponse answer = fetch(transport(1), slowOnce);

      assertEquals(200, answer.status());
      assertArrayEquals(fetch(transport(0), normal).body(), answer.body());
      assertEquals(2, slowOnce.requestCount());
    }
  }
}
