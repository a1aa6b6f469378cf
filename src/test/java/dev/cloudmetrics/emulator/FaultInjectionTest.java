package dev.cloudmetrics.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.http.ApiRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What each injected fault looks like on the wire to a real HTTP client, for both services. */
class FaultInjectionTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static Emulator start(FaultPlan plan) {
    return Emulator.start(new EmulatorOptions(0, CLOCK, 0, false).withFaults(plan));
  }

  static ApiRequest rtc(Emulator emulator) {
    return LoopbackCalls.rtcSigned(emulator.baseUri(),
        LoopbackCalls.rtcBody("app1", "2024-05-20T03:50:00Z", "2024-05-20T03:51:00Z", "online_user_count"),
        DemoCredentials.VOLCENGINE, NOW);
  }

  static ApiRequest cdn(Emulator emulator) {
    return LoopbackCalls.cdnSigned(emulator.baseUri(), LoopbackCalls.cdnParameters(), DemoCredentials.KSYUN, NOW);
  }

  @ParameterizedTest
  @CsvSource({
      "500, InternalError, InternalError",
      "502, InternalServiceError, BadGateway",
      "503, ServiceUnavailableTemp, ServiceUnavailable",
      "504, InternalServiceTimeout, GatewayTimeout"})
  void serverErrorsComeInEachVendorsEnvelope(int status, String volcengineCode, String ksyunCode) {
    try (Emulator emulator = start(FaultPlan.parse(status + "=100%"))) {
      LoopbackCalls.Answer rtc = LoopbackCalls.send(rtc(emulator));
      LoopbackCalls.Answer cdn = LoopbackCalls.send(cdn(emulator));

      assertEquals(status, rtc.status());
      assertEquals(volcengineCode, rtc.code());
      assertEquals("ListRealTimeOperationData", rtc.json().at("/ResponseMetadata/Action").asText());
      assertEquals(status, cdn.status());
      assertEquals(ksyunCode, cdn.code());
      assertEquals("Receiver", cdn.error().get("Type").asText());
    }
  }

  @Test
  void throttlingIsEachVendorsCodeWithTheRetryAfterAskedFor() {
    try (Emulator emulator = start(FaultPlan.always(Fault.throttled(Duration.ofSeconds(7))))) {
      LoopbackCalls.Answer rtc = LoopbackCalls.send(rtc(emulator));
      LoopbackCalls.Answer cdn = LoopbackCalls.send(cdn(emulator));

      assertEquals(429, rtc.status());
      assertEquals("FlowLimitExceeded", rtc.code());
      assertEquals("7", rtc.header("Retry-After"));
      assertEquals(429, cdn.status());
      assertEquals("Throttling", cdn.code());
      assertEquals("7", cdn.header("Retry-After"));
    }
  }

  @Test
  void cdnFaultsAreInXmlWhenTheEmulatorAnswersXml() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, true, FaultPlan.parse("503=100%")))) {
      LoopbackCalls.Answer cdn = LoopbackCalls.send(cdn(emulator));

      assertEquals(503, cdn.status());
      assertTrue(cdn.body().contains("<Code>ServiceUnavailable</Code>"), cdn.body());
    }
  }

  @Test
  void aProxyPageIsHtmlWithoutAnyEnvelope() {
    try (Emulator emulator = start(FaultPlan.always(Fault.of(FaultKind.PROXY_PAGE)))) {
      for (ApiRequest request : new ApiRequest[] {rtc(emulator), cdn(emulator)}) {
        LoopbackCalls.Answer answer = LoopbackCalls.send(request);

        assertEquals(502, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("text/html"), answer.header("Content-Type"));
        assertTrue(answer.body().startsWith("<html>"), answer.body());
        assertFalse(answer.body().contains("RequestId"), answer.body());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"reset", "truncate"})
  void resetsAndCutBodiesAreIoErrorsForTheJdkClient(String kind) {
    try (Emulator emulator = start(FaultPlan.parse(kind + "=100%"))) {
      for (ApiRequest request : new ApiRequest[] {rtc(emulator), cdn(emulator)}) {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> LoopbackCalls.send(request));

        assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
      }
      assertEquals(2, emulator.requestCount());
    }
  }

  @Test
  void aSlowAnswerIsTheNormalAnswer() {
    try (Emulator slow = start(FaultPlan.always(Fault.slow(Duration.ofMillis(50))));
        Emulator normal = start(FaultPlan.none())) {
      assertEquals(LoopbackCalls.send(cdn(normal)).body(), LoopbackCalls.send(cdn(slow)).body());
    }
  }

  @Test
  void faultsComeBeforeTheSignatureCheck() {
    try (Emulator emulator = start(FaultPlan.parse("503=100%"))) {
      ApiRequest unsigned = LoopbackCalls.cdnRequest(emulator.baseUri(), LoopbackCalls.cdnParameters());

      assertEquals(503, LoopbackCalls.send(unsigned).status());
    }
  }

  @Test
  void theFirstRequestsFailThenEveryRequestIsAnswered() {
    try (Emulator emulator = start(FaultPlan.first(2, Fault.of(FaultKind.UNAVAILABLE))
        .thenFirst(1, Fault.of(FaultKind.RESET)))) {
      assertEquals(503, LoopbackCalls.send(cdn(emulator)).status());
      assertEquals(503, LoopbackCalls.send(rtc(emulator)).status());
      assertThrows(UncheckedIOException.class, () -> LoopbackCalls.send(cdn(emulator)));
      assertEquals(200, LoopbackCalls.send(cdn(emulator)).status());
      assertEquals(200, LoopbackCalls.send(rtc(emulator)).status());
      assertEquals(5, emulator.requestCount());
    }
  }
}
