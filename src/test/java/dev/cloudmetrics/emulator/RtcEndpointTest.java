package dev.cloudmetrics.emulator;

import static dev.cloudmetrics.emulator.LoopbackCalls.rtcBody;
import static dev.cloudmetrics.emulator.LoopbackCalls.rtcRequest;
import static dev.cloudmetrics.emulator.LoopbackCalls.rtcSigned;
import static dev.cloudmetrics.emulator.LoopbackCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.auth.VolcengineSigner;
import dev.cloudmetrics.http.ApiRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The RTC stand-in over loopback: answers, buckets, and every refusal of the gateway and the service. */
class RtcEndpointTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final String USERS = "online_user_count";
  static final String ROOMS = "online_room_count";

  Emulator emulator;

  @BeforeEach
  void start() {
    emulator = Emulator.start(new EmulatorOptions(0, Clock.fixed(NOW, ZoneOffset.UTC), 0, false));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  LoopbackCalls.Answer call(String body) {
    return send(rtcSigned(emulator.baseUri(), body, DemoCredentials.VOLCENGINE, NOW));
  }

  @Test
  void answersOneSeriesPerIndicatorInRequestOrderWithTheSyntheticValues() {
    LoopbackCalls.Answer answer = call(rtcBody("app1", "2024-05-20T11:50:00+08:00", "2024-05-20T11:51:00+08:00", ROOMS, USERS));

    assertEquals(200, answer.status(), answer.body());
    JsonNode metadata = answer.json().get("ResponseMetadata");
    assertEquals("ListRealTimeOperationData", metadata.get("Action").asText());
    assertEquals("2020-12-01", metadata.get("Version").asText());
    assertEquals("rtc", metadata.get("Service").asText());
    assertEquals("cn-north-1", metadata.get("Region").asText());
    assertFalse(metadata.has("Error"));
    JsonNode indicators = answer.json().get("Result").get("Indicators");
    assertEquals(List.of(ROOMS, USERS), List.of(indicators.get(0).get("Name").asText(), indicators.get(1).get("Name").asText()));
    JsonNode data = indicators.get(1).get("Data");
    assertEquals(List.of("2024-05-20T11:50:00+08:00", "2024-05-20T11:50:30+08:00", "2024-05-20T11:51:00+08:00"), times(data));
    long users = SyntheticData.rtcValue("app1", USERS, Instant.parse("2024-05-20T03:50:30Z"));
    assertEquals(users, data.get(1).get("Value").asLong());
    assertTrue(answer.body().contains("\"Value\":" + users + ".0"), "Value is a JSON float: " + answer.body());
  }

  static Stream<Arguments> bucketEdges() {
    return Stream.of(
        // spec §3: 00:00:00 .. 00:01:00 gives 00:00:00, 00:00:30, 00:01:00
        Arguments.of("2024-05-20T11:30:00+08:00", "2024-05-20T11:31:00+08:00",
            List.of("2024-05-20T11:30:00+08:00", "2024-05-20T11:30:30+08:00", "2024-05-20T11:31:00+08:00")),
        Arguments.of("2024-05-20T11:30:10+08:00", "2024-05-20T11:30:40+08:00",
            List.of("2024-05-20T11:30:00+08:00", "2024-05-20T11:30:30+08:00")),
        Arguments.of("2024-05-20T11:30:29+08:00", "2024-05-20T11:30:31+08:00",
            List.of("2024-05-20T11:30:00+08:00", "2024-05-20T11:30:30+08:00")),
        Arguments.of("2024-05-20T03:30:00Z", "2024-05-20T03:30:29Z", List.of("2024-05-20T11:30:00+08:00")),
        // nothing starts after the service's now (12:00:00)
        Arguments.of("2024-05-20T11:59:00+08:00", "2024-05-20T12:10:00+08:00",
            List.of("2024-05-20T11:59:00+08:00", "2024-05-20T11:59:30+08:00", "2024-05-20T12:00:00+08:00")));
  }

  @ParameterizedTest(name = "{0} .. {1}")
  @MethodSource("bucketEdges")
  void bucketsRunFromTheOneHoldingStartToTheOneHoldingEnd(String start, String end, List<String> expected) {
    LoopbackCalls.Answer answer = call(rtcBody("app1", start, end, USERS));

    assertEquals(200, answer.status(), answer.body());
    assertEquals(expected, times(answer.json().get("Result").get("Indicators").get(0).get("Data")));
  }

  @Test
  void temporaryCredentialsAreAcceptedWithTheirSessionToken() {
    LoopbackCalls.Answer answer = send(rtcSigned(emulator.baseUri(), validBody(), DemoCredentials.VOLCENGINE_STS, NOW));

    assertEquals(200, answer.status(), answer.body());
  }

  static String validBody() {
    return rtcBody("app1", "2024-05-20T11:50:00+08:00", "2024-05-20T11:51:00+08:00", USERS);
  }

  static Stream<Arguments> refusedByTheGateway() {
    String body = validBody();
    Credentials unknown = Credentials.of("AKLTbm90LWEta25vd24ta2V5", DemoCredentials.VOLCENGINE.secretAccessKey(), "test");
    Credentials wrongSecret = Credentials.of(DemoCredentials.VOLCENGINE.accessKeyId(), "wrong", "test");
    Credentials stsWithoutToken = Credentials.of(DemoCredentials.VOLCENGINE_STS.accessKeyId(),
        DemoCredentials.VOLCENGINE_STS.secretAccessKey(), "test");
    return Stream.of(
        Arguments.of("unsigned", (UnaryOperator<ApiRequest>) r -> r, "InvalidAuthorization", 100009),
        Arguments.of("malformed Authorization", signed(body, DemoCredentials.VOLCENGINE, NOW,
            r -> LoopbackCalls.withHeader(r, "Authorization", "HMAC-SHA256 Signature=abc")), "InvalidAuthorization", 100009),
        Arguments.of("signed 16 min early", signed(body, DemoCredentials.VOLCENGINE, NOW.minus(Duration.ofMinutes(16)), r -> r),
            "InvalidTimestamp", 100006),
        Arguments.of("signed 16 min late", signed(body, DemoCredentials.VOLCENGINE, NOW.plus(Duration.ofMinutes(16)), r -> r),
            "InvalidTimestamp", 100006),
        Arguments.of("unknown key", signed(body, unknown, NOW, r -> r), "InvalidAccessKey", 100009),
        Arguments.of("STS key without token", signed(body, stsWithoutToken, NOW, r -> r), "InvalidSecurityToken", 100026),
        Arguments.of("STS key with another token", signed(body, DemoCredentials.VOLCENGINE_STS, NOW,
            r -> LoopbackCalls.withHeader(r, "X-Security-Token", "stolen")), "InvalidSecurityToken", 100026),
        Arguments.of("wrong secret", signed(body, wrongSecret, NOW, r -> r), "SignatureDoesNotMatch", 100010),
        Arguments.of("body changed after signing", signed(body, DemoCredentials.VOLCENGINE, NOW,
            r -> LoopbackCalls.withBody(r, body.replace("app1", "app2"))), "SignatureDoesNotMatch", 100010),
        Arguments.of("X-Date changed after signing", signed(body, DemoCredentials.VOLCENGINE, NOW,
            r -> LoopbackCalls.withHeader(r, "X-Date", "20240520T040100Z")), "SignatureDoesNotMatch", 100010));
  }

  /** Signs the request, then changes it the way the case needs. */
  private static UnaryOperator<ApiRequest> signed(String body, Credentials credentials, Instant at,
      UnaryOperator<ApiRequest> change) {
    return unsigned -> change.apply(new VolcengineSigner("cn-north-1", "rtc")
        .sign(unsigned, credentials, at));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedByTheGateway")
  void theGatewayRefusesWithFourHundredOne(String what, UnaryOperator<ApiRequest> prepare, String code, int codeN) {
    LoopbackCalls.Answer answer = send(prepare.apply(rtcRequest(emulator.baseUri(), validBody())));

    assertEquals(401, answer.status(), answer.body());
    assertEquals(code, answer.code());
    assertEquals(codeN, answer.error().get("CodeN").asInt());
    assertFalse(answer.error().get("Message").asText().isBlank());
    assertFalse(answer.body().contains(DemoCredentials.VOLCENGINE.secretAccessKey()));
    assertTrue(answer.json().get("ResponseMetadata").get("RequestId").asText().length() > 14);
  }

  static Stream<Arguments> refusedByTheService() {
    return Stream.of(
        Arguments.of("{\"StartTime\":\"2024-05-20T11:50:00+08:00\",\"EndTime\":\"2024-05-20T11:51:00+08:00\",\"Indicator\":[\"x\"]}",
            "MissingParameter"),
        Arguments.of("{\"AppId\":\"a\",\"EndTime\":\"2024-05-20T11:51:00+08:00\",\"Indicator\":[\"x\"]}", "MissingParameter"),
        Arguments.of("{\"AppId\":\"a\",\"StartTime\":\"2024-05-20T11:50:00+08:00\",\"EndTime\":\"2024-05-20T11:51:00+08:00\"}",
            "MissingParameter"),
        Arguments.of(rtcBody("a", "2024-05-20 11:50", "2024-05-20T11:51:00+08:00", USERS), "InvalidParameter"),
        Arguments.of(rtcBody("a", "2024-05-20T11:50:00+08:00", "soon", USERS), "InvalidParameter"),
        Arguments.of("not json", "InvalidParameter"),
        Arguments.of(rtcBody("a", "2024-05-20T10:59:00+08:00", "2024-05-20T11:01:00+08:00", USERS),
            "InvalidParameter.OutofTimeRange"),
        Arguments.of(rtcBody("a", "2024-05-20T11:00:00+08:00", "2024-05-20T12:00:01+08:00", USERS),
            "InvalidParameter.OutofTimeRange"),
        Arguments.of(rtcBody("a", "2024-05-20T11:50:00+08:00", "2024-05-20T11:50:00+08:00", USERS),
            "InvalidParameter.OutofTimeRange"),
        Arguments.of(rtcBody("a", "2024-05-20T11:50:00+08:00", "2024-05-20T11:40:00+08:00", USERS),
            "InvalidParameter.OutofTimeRange"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("refusedByTheService")
  void theServiceRefusesBadBodiesWithFourHundred(String body, String code) {
    LoopbackCalls.Answer answer = call(body);

    assertEquals(400, answer.status(), answer.body());
    assertEquals(code, answer.code());
  }

  @Test
  void theWholeSixtyMinutesAreAllowed() {
    LoopbackCalls.Answer answer = call(rtcBody("a", "2024-05-20T11:00:00+08:00", "2024-05-20T12:00:00+08:00", USERS));

    assertEquals(200, answer.status(), answer.body());
    assertEquals(121, answer.json().get("Result").get("Indicators").get(0).get("Data").size());
  }

  @Test
  void moreRequestsPerSecondThanAllowedAreThrottledPerKey() {
    try (Emulator strict = Emulator.start(new EmulatorOptions(0, Clock.fixed(NOW, ZoneOffset.UTC), 0.001, false))) {
      LoopbackCalls.Answer first = send(rtcSigned(strict.baseUri(), validBody(), DemoCredentials.VOLCENGINE, NOW));
      LoopbackCalls.Answer second = send(rtcSigned(strict.baseUri(), validBody(), DemoCredentials.VOLCENGINE, NOW));
      LoopbackCalls.Answer otherKey = send(rtcSigned(strict.baseUri(), validBody(), DemoCredentials.VOLCENGINE_STS, NOW));

      assertEquals(200, first.status(), first.body());
      assertEquals(429, second.status(), second.body());
      assertEquals("FlowLimitExceeded", second.code());
      assertEquals("1", second.header("Retry-After"));
      assertEquals(200, otherKey.status(), otherKey.body());
    }
  }

  @Test
  void anotherActionOrPathIsNotFoundInVolcenginesEnvelope() {
    ApiRequest signed = rtcSigned(emulator.baseUri(), validBody(), DemoCredentials.VOLCENGINE, NOW);
    ApiRequest otherAction = new ApiRequest("POST",
        URI.create(emulator.baseUri() + "/?Action=StartRecord&Version=2020-12-01"), signed.headers(), signed.body());
    ApiRequest otherPath = new ApiRequest("GET", URI.create(emulator.baseUri() + "/favicon.ico"),
        Map.of(), new byte[0]);

    for (ApiRequest request : List.of(otherAction, otherPath)) {
      LoopbackCalls.Answer answer = send(request);
      assertEquals(404, answer.status(), answer.body());
      assertEquals("InvalidActionOrVersion", answer.code());
    }
  }

  @Test
  void everyRequestIsCountedAndGetsItsOwnRequestId() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(call(validBody()).json().get("ResponseMetadata").get("RequestId").asText());
    }
    ids.add(send(rtcRequest(emulator.baseUri(), validBody())).json().get("ResponseMetadata").get("RequestId").asText());

    assertEquals(4, emulator.requestCount());
    assertEquals(4, ids.stream().distinct().count(), ids.toString());
    assertNotEquals("", ids.get(0));
  }

  private static List<String> times(JsonNode data) {
    List<String> times = new ArrayList<>();
    data.forEach(point -> times.add(point.get("TimeStamp").asText()));
    return times;
  }
}
