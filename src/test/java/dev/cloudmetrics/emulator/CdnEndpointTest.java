package dev.cloudmetrics.emulator;

import static dev.cloudmetrics.emulator.LoopbackCalls.cdnParameters;
import static dev.cloudmetrics.emulator.LoopbackCalls.cdnRequest;
import static dev.cloudmetrics.emulator.LoopbackCalls.cdnSigned;
import static dev.cloudmetrics.emulator.LoopbackCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.http.ApiRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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

/** The CDN stand-in over loopback: answers, bucket alignment, peaks that add up, every documented refusal. */
class CdnEndpointTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z"); // 12:00 in Beijing
  static final String STREAM_A = "rtmp://demo.example/live/a";
  static final String STREAM_B = "rtmp://demo.example/live/b";

  Emulator emulator;

  @BeforeEach
  void start() {
    emulator = Emulator.start(new EmulatorOptions(0, Clock.fixed(NOW, ZoneOffset.UTC), 0, false));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  LoopbackCalls.Answer call(Map<String, String> changes) {
    return call(emulator, NOW, changes);
  }

  static LoopbackCalls.Answer call(Emulator target, Instant at, Map<String, String> changes) {
    Map<String, String> parameters = cdnParameters();
    parameters.putAll(changes);
    parameters.values().removeIf(String::isEmpty); // "" stands for "not sent"
    return send(cdnSigned(target.baseUri(), parameters, DemoCredentials.KSYUN, at));
  }

  @Test
  void mergedAnswerEchoesTheRequestAndCarriesTheMergedPeaks() {
    LoopbackCalls.Answer answer = call(Map.of());

    assertEquals(200, answer.status(), answer.body());
    JsonNode root = answer.json();
    assertEquals("2024-05-20T10:00+0800", root.get("StartTime").asText());
    assertEquals("2024-05-20T11:00+0800", root.get("EndTime").asText());
    assertEquals("CN", root.get("Regions").asText());
    assertEquals(0, root.get("ResultType").asInt());
    assertEquals(5, root.get("Granularity").asInt());
    JsonNode datas = root.get("Datas");
    assertEquals(13, datas.size()); // 10:00 .. 11:00 every 5 minutes, both ends included
    assertEquals("2024-05-20T10:05+0800", datas.get(1).get("Time").asText());
    assertEquals(SyntheticData.cdnMergedPeak(List.of(STREAM_A), List.of("CN"), Instant.parse("2024-05-20T02:05:00Z"), 5),
        datas.get(1).get("OnlineUser").asLong());
    assertFalse(datas.get(1).has("Streams"));
  }

  @Test
  void perStreamPeaksAddUpToTheMergedPeak() {
    Map<String, String> window = Map.of("StreamUrls", STREAM_A + "," + STREAM_B + "/index.m3u8", "Regions", "CN,HK,EU",
        "StartTime", "2024-05-19T12:00+0800", "EndTime", "2024-05-20T12:00+0800", "Granularity", "60");
    JsonNode merged = call(window).json().get("Datas");
    Map<String, String> perStream = new HashMap<>(window);
    perStream.put("ResultType", "1");
    JsonNode split = call(perStream).json().get("Datas");

    assertEquals(25, merged.size());
    assertEquals(merged.size(), split.size());
    for (int i = 0; i < merged.size(); i++) {
      JsonNode bucket = split.get(i);
      long streamsTotal = 0;
      assertEquals(List.of(STREAM_A, STREAM_B), List.of(bucket.get("Streams").get(0).get("StreamUrl").asText(),
          bucket.get("Streams").get(1).get("StreamUrl").asText()));
      for (JsonNode stream : bucket.get("Streams")) {
        long regionsTotal = 0;
        for (JsonNode region : stream.get("Regions")) {
          regionsTotal += region.get("OnlineUser").asLong();
        }
        assertEquals(3, stream.get("Regions").size());
        assertEquals(regionsTotal, stream.get("OnlineUser").asLong());
        streamsTotal += regionsTotal;
      }
      assertEquals(streamsTotal, bucket.get("OnlineUser").asLong());
      assertEquals(merged.get(i).get("OnlineUser").asLong(), bucket.get("OnlineUser").asLong());
      assertEquals(merged.get(i).get("Time").asText(), bucket.get("Time").asText());
    }
  }

  @Test
  void theDocumentedDailyExampleGivesTwoBucketsAtBeijingMidnight() {
    Instant now = Instant.parse("2016-09-20T04:00:00Z");
    try (Emulator then = Emulator.start(new EmulatorOptions(0, Clock.fixed(now, ZoneOffset.UTC), 0, false))) {
      LoopbackCalls.Answer answer = call(then, now, Map.of("StartTime", "2016-09-18T09:14+0800",
          "EndTime", "2016-09-19T10:20+0800", "ResultType", "1", "Granularity", "1440"));

      assertEquals(200, answer.status(), answer.body());
      assertEquals(List.of("2016-09-18T00:00+0800", "2016-09-19T00:00+0800"), times(answer.json()));
    }
  }

  static Stream<Arguments> bucketEdges() {
    return Stream.of(
        Arguments.of("2024-05-20T10:03+0800", "2024-05-20T10:07+0800", "5",
            List.of("2024-05-20T10:00+0800", "2024-05-20T10:05+0800")),
        Arguments.of("2024-05-20T10:05+0800", "2024-05-20T10:05+0800", "5", List.of("2024-05-20T10:05+0800")),
        Arguments.of("2024-05-20T10:00+0800", "2024-05-20T10:04+0800", "1",
            List.of("2024-05-20T10:00+0800", "2024-05-20T10:01+0800", "2024-05-20T10:02+0800",
                "2024-05-20T10:03+0800", "2024-05-20T10:04+0800")),
        // 8-hour buckets start at 00:00, 08:00 and 16:00 Beijing time
        Arguments.of("2024-05-19T07:59+0800", "2024-05-19T16:00+0800", "480",
            List.of("2024-05-19T00:00+0800", "2024-05-19T08:00+0800", "2024-05-19T16:00+0800")),
        // nothing starts after the service's now (12:00)
        Arguments.of("2024-05-20T11:50+0800", "2024-05-20T12:30+0800", "10",
            List.of("2024-05-20T11:50+0800", "2024-05-20T12:00+0800")),
        Arguments.of("2024-05-19T23:59+0800", "2024-05-20T23:00+0800", "1440",
            List.of("2024-05-19T00:00+0800", "2024-05-20T00:00+0800")));
  }

  @ParameterizedTest(name = "{0} .. {1} by {2}")
  @MethodSource("bucketEdges")
  void bucketsAreAlignedInBeijingTimeAndTouchedOnesAreWhole(String start, String end, String granularity,
      List<String> expected) {
    LoopbackCalls.Answer answer = call(Map.of("StartTime", start, "EndTime", end, "Granularity", granularity));

    assertEquals(200, answer.status(), answer.body());
    assertEquals(expected, times(answer.json()));
  }

  static Stream<Arguments> refusedByTheService() {
    String wire = "2024-05-20T10:00+0800";
    return Stream.of(
        Arguments.of(Map.of("StreamUrls", ""), 400, "RequiresInputValue",
            "Requires no input value.Expected:This value is required, but no found value from:StreamUrls"),
        Arguments.of(Map.of("StartTime", "2024-05-20T10:00:00+08:00"), 400, "InvalidStartTime.Malformed",
            "Specified start time is malformed.StartTime:2024-05-20T10:00:00+08:00"),
        Arguments.of(Map.of("StartTime", "2024-02-30T10:00+0800"), 400, "InvalidStartTime.Malformed",
            "Specified start time is malformed.StartTime:2024-02-30T10:00+0800"),
        Arguments.of(Map.of("StartTime", ""), 400, "InvalidStartTime.Malformed", "Specified start time is malformed.StartTime:"),
        Arguments.of(Map.of("EndTime", "2024-05-20 11:00"), 400, "InvalidEndTime.Malformed",
            "Specified end time is malformed.2024-05-20 11:00"),
        Arguments.of(Map.of("StartTime", "2024-05-20T11:00+0800", "EndTime", wire), 400, "InvalidEndTime.Mismatch",
            "Specified end time should not be earlier than start time.StartTime:2024-05-20T11:00+0800, EndTime:" + wire),
        Arguments.of(Map.of("StartTime", "2023-05-01T00:00+0800", "EndTime", "2023-05-02T00:00+0800"), 400, "NoDataProvided",
            "We do not provide data more than 1 year."),
        Arguments.of(Map.of("StartTime", "2024-03-18T11:59+0800", "EndTime", "2024-03-19T00:00+0800"), 400, "InvalidTime",
            "Start time with the time difference is not more than 62 days."),
        Arguments.of(Map.of("StartTime", "2024-05-10T00:00+0800", "EndTime", "2024-05-17T00:01+0800", "Granularity", "1440"),
            400, "InvalidTime", "The start time and the end time difference is not more than 7 days."),
        Arguments.of(Map.of("Regions", "CN,XX"), 400, "InvalidRegion",
            "Invalid region.Expected:AF/AS/AU/CN/EU/NA/SA/HK/TW, but receive:XX"),
        Arguments.of(Map.of("ResultType", "2"), 400, "InvalidResultType", "Invalid result type.Expected:0/1, but receive:2"),
        Arguments.of(Map.of("ResultType", ""), 400, "InvalidResultType", "Invalid result type.Expected:0/1, but receive:"),
        Arguments.of(Map.of("Granularity", "7"), 400, "InvalidGranularity",
            "Invalid granularity.Option for granularity is 5, 10, 20, 60, 240, 480, 1440 (min), received:7"),
        Arguments.of(Map.of("StreamUrls", STREAM_A + "," + STREAM_B, "Regions", "CN,HK,AS", "ResultType", "1",
            "StartTime", "2024-05-13T12:00+0800", "EndTime", "2024-05-20T12:00+0800"), 400, "TooManyDataPoints",
            "Too many data points in this request.12096"),
        Arguments.of(Map.of("StreamUrls", STREAM_A + ",rtmp://live.unknown.example/app/x"), 400, "InvalidDomain.NotFound",
            "The domain provided does not belong to you or does not match the cdntype.Invalid domains:live.unknown.example"),
        Arguments.of(Map.of("StreamUrls", "http://pull.forbidden.example/app/y"), 403, "AccessDenied",
            "Access Denied.You are not authorized to perform:DomainIds:pull.forbidden.example"));
  }

  @ParameterizedTest(name = "{2}: {0}")
  @MethodSource("refusedByTheService")
  void everyDocumentedRefusalHasItsStatusCodeAndMessage(Map<String, String> changes, int status, String code,
      String message) {
    LoopbackCalls.Answer answer = call(changes);

    assertEquals(status, answer.status(), answer.body());
    assertEquals(code, answer.code());
    assertEquals(message, answer.error().get("Message").asText());
    assertEquals("Sender", answer.error().get("Type").asText());
    assertFalse(answer.json().get("RequestId").asText().isBlank());
  }

  @Test
  void theLimitsThemselvesAreAllowed() {
    List<Map<String, String>> atTheLimit = List.of(
        Map.of("Granularity", "1"),
        Map.of("StartTime", "2024-05-13T12:00+0800", "EndTime", "2024-05-20T12:00+0800", "Granularity", "60"),
        Map.of("StartTime", "2024-03-19T12:00+0800", "EndTime", "2024-03-19T13:00+0800"),
        // merged: one series whatever the streams and regions, 10000 points exactly
        Map.of("StreamUrls", STREAM_A + "," + STREAM_B, "Regions", "CN,HK,AS", "StartTime", "2024-05-13T12:00+0800",
            "EndTime", "2024-05-20T10:40+0800", "Granularity", "1"));

    for (Map<String, String> changes : atTheLimit) {
      LoopbackCalls.Answer answer = call(changes);
      assertEquals(200, answer.status(), changes + ": " + answer.body());
    }
  }

  static Stream<Arguments> refusedByTheGateway() {
    Credentials unknown = Credentials.of("AKLTbm9ib2R5a25vd3NtZQ", DemoCredentials.KSYUN.secretAccessKey(), "test");
    Credentials wrongSecret = Credentials.of(DemoCredentials.KSYUN.accessKeyId(), "wrong", "test");
    return Stream.of(
        Arguments.of("unsigned", (UnaryOperator<ApiRequest>) r -> r, "MissingAuthenticationToken"),
        Arguments.of("signed 16 min early", signed(DemoCredentials.KSYUN, NOW.minus(Duration.ofMinutes(16))), "RequestExpired"),
        Arguments.of("signed 16 min late", signed(DemoCredentials.KSYUN, NOW.plus(Duration.ofMinutes(16))), "RequestExpired"),
        Arguments.of("unknown key", signed(unknown, NOW), "InvalidClientTokenId"),
        Arguments.of("wrong secret", signed(wrongSecret, NOW), "SignatureDoesNotMatch"),
        Arguments.of("body changed after signing", (UnaryOperator<ApiRequest>) r -> LoopbackCalls.withBody(
            LoopbackCalls.sign(r, DemoCredentials.KSYUN, NOW), "StreamUrls=x"), "SignatureDoesNotMatch"));
  }

  private static UnaryOperator<ApiRequest> signed(Credentials credentials, Instant at) {
    return unsigned -> LoopbackCalls.sign(unsigned, credentials, at);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedByTheGateway")
  void theGatewayRefusesWithFourHundredThree(String what, UnaryOperator<ApiRequest> prepare, String code) {
    LoopbackCalls.Answer answer = send(prepare.apply(cdnRequest(emulator.baseUri(), cdnParameters())));

    assertEquals(403, answer.status(), answer.body());
    assertEquals(code, answer.code());
    assertFalse(answer.body().contains(DemoCredentials.KSYUN.secretAccessKey()));
  }

  @Test
  void errorsComeInXmlWhenConfiguredOrAskedFor() {
    try (Emulator xml = Emulator.start(new EmulatorOptions(0, Clock.fixed(NOW, ZoneOffset.UTC), 0, true))) {
      LoopbackCalls.Answer configured = call(xml, NOW, Map.of("Granularity", "7"));
      LoopbackCalls.Answer asked = send(LoopbackCalls.withHeader(
          cdnRequest(emulator.baseUri(), cdnParameters()), "Accept", "application/xml"));

      assertEquals(400, configured.status());
      assertTrue(configured.header("Content-Type").startsWith("application/xml"), configured.header("Content-Type"));
      assertTrue(configured.body().matches("(?s)<\\?xml[^>]*\\?><ErrorResponse><RequestId>[0-9a-f-]{36}</RequestId>"
          + "<Error><Type>Sender</Type><Code>InvalidGranularity</Code><Message>Invalid granularity\\.Option for "
          + "granularity is 5, 10, 20, 60, 240, 480, 1440 \\(min\\), received:7</Message></Error></ErrorResponse>"),
          configured.body());
      assertEquals(403, asked.status());
      assertTrue(asked.body().contains("<Code>MissingAuthenticationToken</Code>"), asked.body());
    }
  }

  @Test
  void anythingElseUnderTheCdnPathIsNotFoundInKsyunsEnvelope() {
    URI other = URI.create(emulator.baseUri() + "/2016-09-01/statistics/GetLiveFlowDataByStream");
    ApiRequest request = cdnRequest(emulator.baseUri(), cdnParameters());

    LoopbackCalls.Answer answer = send(new ApiRequest("POST", other, request.headers(), request.body()));

    assertEquals(404, answer.status(), answer.body());
    assertEquals("InvalidAction", answer.code());
    assertEquals(36, answer.json().get("RequestId").asText().length());
  }

  @Test
  void requestIdsAreUnique() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(call(Map.of("Granularity", "7")).json().get("RequestId").asText());
    }

    assertEquals(3, ids.stream().distinct().count(), ids.toString());
  }

  private static List<String> times(JsonNode answer) {
    List<String> times = new ArrayList<>();
    answer.get("Datas").forEach(bucket -> times.add(bucket.get("Time").asText()));
    return times;
  }
}
