package dev.cloudmetrics.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VolcengineErrorDecoderTest {
  private final VolcengineErrorDecoder decoder = new VolcengineErrorDecoder();

  private Optional<ApiError> decode(int status, String body) {
    return decoder.decode(new ApiResponse(status, Map.of("content-type", List.of("application/json")),
        body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheGatewayEnvelope() {
    ApiError error = decode(401, """
        {"ResponseMetadata":{"RequestId":"20240520abc","Action":"ListRealTimeOperationData","Version":"2020-12-01",
         "Service":"rtc","Region":"cn-north-1","Error":{"CodeN":100010,"Code":"SignatureDoesNotMatch",
         "Message":"The request signature we calculated does not match the signature you provided."}}}""").orElseThrow();

    assertEquals(new ApiError(401, "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided.", Optional.of("20240520abc")), error);
    assertTrue(error.isAuthFailure());
  }

  @Test
  void findsAnErrorSentWithHttp200() {
    ApiError error = decode(200, """
        {"ResponseMetadata":{"RequestId":"r","Error":{"Code":"FlowLimitExceeded","Message":"too fast"}},"Result":null}""")
        .orElseThrow();

    assertEquals("FlowLimitExceeded", error.code());
    assertEquals(200, error.httpStatus());
    assertTrue(error.isTransient());
  }

  @Test
  void findsTheEnvelopeAfterALargeResult() {
    String result = "{\"Indicators\":[" + "{\"Name\":\"x\",\"Data\":[]},".repeat(1000) + "{}]}";
    ApiError error = decode(400, "{\"Result\":" + result
        + ",\"ResponseMetadata\":{\"Error\":{\"Code\":\"InvalidParameter.OutofTimeRange\",\"Message\":\"m\"}}}")
        .orElseThrow();

    assertEquals("InvalidParameter.OutofTimeRange", error.code());
  }

  @Test
  void aNumericCodeStandsInForAMissingName() {
    assertEquals("100006", decode(401, "{\"ResponseMetadata\":{\"Error\":{\"CodeN\":100006}}}").orElseThrow().code());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"ResponseMetadata\":{\"RequestId\":\"r\"},\"Result\":{\"Indicators\":[]}}",
      "{\"ResponseMetadata\":{\"RequestId\":\"r\",\"Error\":null},\"Result\":{}}",
      "{\"ResponseMetadata\":{\"Error\":{}},\"Result\":{}}",
      "not json at all"})
  void aSuccessfulAnswerHasNoError(String body) {
    assertEquals(Optional.empty(), decode(200, body));
  }

  @Test
  void anErrorStatusWithoutEnvelopeKeepsItsStatusAndABriefText() {
    String page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + "x".repeat(500) + "</body></html>";

    ApiError error = decode(502, page).orElseThrow();

    assertEquals("HTTP502", error.code());
    assertEquals("an HTML page titled '502 Bad Gateway' (--debug shows it)", error.message());
    assertTrue(error.isTransient());
  }

  @Test
  void anEmptyErrorBodySaysSo() {
    assertEquals(new ApiError(503, "HTTP503", "empty response body", Optional.empty()), decode(503, "").orElseThrow());
  }
}
