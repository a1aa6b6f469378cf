package dev.cloudmetrics.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.http.ApiResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KsyunErrorDecoderTest {
  private final KsyunErrorDecoder decoder = new KsyunErrorDecoder();

  private Optional<ApiError> decode(int status, String body) {
    return decoder.decode(new ApiResponse(status, Map.of(), body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsTheJsonEnvelope() {
    assertEquals(Optional.of(new ApiError(400, "InvalidGranularity",
            "Invalid granularity.Option for granularity is 5, 10, 20, 60, 240, 480, 1440 (min), received:3",
            Optional.of("4f3c2b1a-req"))),
        decode(400, """
            {"RequestId":"4f3c2b1a-req","Error":{"Type":"Sender","Code":"InvalidGranularity",
             "Message":"Invalid granularity.Option for granularity is 5, 10, 20, 60, 240, 480, 1440 (min), received:3"}}"""));
  }

  @Test
  void readsTheXmlEnvelope() {
    ApiError error = decode(403, """
        <?xml version="1.0" encoding="UTF-8"?>
        <ErrorResponse xmlns="http://cdn.api.ksyun.com/doc/2016-09-01/">
          <RequestId>a1b2c3</RequestId>
          <Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message></Error>
        </ErrorResponse>""").orElseThrow();

    assertEquals(new ApiError(403, "MissingAuthenticationToken", "Request is missing Authentication Token",
        Optional.of("a1b2c3")), error);
    assertTrue(error.isAuthFailure());
  }

  @Test
  void throttlingIsRecognisedAsTransient() {
    assertTrue(decode(400, "{\"Error\":{\"Code\":\"Throttling\",\"Message\":\"Rate exceeded\"}}").orElseThrow().isTransient());
  }

  @Test
  void anXmlBodyThatPointsAtALocalFileDoesNotReadIt(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    String body = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
        + "<ErrorResponse><Error><Code>&x;</Code><Message>m</Message></Error></ErrorResponse>";

    ApiError error = decode(400, body).orElseThrow();

    assertEquals("HTTP400", error.code());
    assertFalse(error.describe().contains("TOP-SECRET-CONTENT"), error.describe());
  }

  @Test
  void anErrorStatusWithoutEnvelopeKeepsItsStatusAndABriefText() {
    assertEquals(new ApiError(502, "HTTP502", "an HTML page: 'Bad Gateway' (--debug shows it)", Optional.empty()),
        decode(502, "<html><body>Bad\n  Gateway</body></html>").orElseThrow());
    assertEquals("HTTP500", decode(500, "{\"message\":\"oops\"}").orElseThrow().code());
    assertEquals("HTTP503", decode(503, "Service Unavailable").orElseThrow().code());
    assertEquals("upstream timed out", decode(504, "upstream timed out\n" + "trace ".repeat(100)).orElseThrow().message());
    assertEquals(103, decode(504, "x".repeat(300)).orElseThrow().message().length());
  }

  @Test
  void aSuccessWithoutAnEnvelopeIsNoError() {
    assertEquals(Optional.empty(), decode(200, "{\"RequestId\":\"r1\",\"Datas\":[]}"));
    assertEquals(Optional.empty(), decode(200, "{\"Datas\":null}"));
  }

  @Test
  void anEnvelopeSentWithStatus200IsAnError() {
    assertEquals("Whatever", decode(200, "{\"Error\":{\"Code\":\"Whatever\"},\"Datas\":[]}").orElseThrow().code());
  }
}
