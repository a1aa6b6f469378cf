package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.FormEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of volcengine-sign.json, produced by the official volc-sdk-java signer. */
class VolcengineSignerTest {
  static Stream<JsonNode> cases() {
    return SigningVectors.list(SigningVectors.load("volcengine-sign.json").get("cases")).stream();
  }

  static ApiRequest request(JsonNode input) {
    StringBuilder query = new StringBuilder();
    for (JsonNode pair : input.get("query")) {
      query.append(query.length() == 0 ? "?" : "&")
          .append(FormEncoding.percentEncode(pair.get(0).asText())).append('=')
          .append(FormEncoding.percentEncode(pair.get(1).asText()));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    input.get("headers").forEach(h -> headers.put(h.get(0).asText(), h.get(1).asText()));
    URI uri = URI.create(input.get("scheme").asText() + "://" + input.get("host").asText() + input.get("path").asText() + query);
    return new ApiRequest(input.get("method").asText(), uri, headers, input.get("body").asText().getBytes(StandardCharsets.UTF_8));
  }

  static ApiRequest signed(JsonNode input) {
    Credentials credentials = Credentials.of(input.get("access_key_id").asText(), input.get("secret_access_key").asText(), "vector");
    return new VolcengineSigner(input.get("region").asText(), input.get("service").asText())
        .sign(request(input), credentials, Instant.parse(input.get("signing_time_utc").asText()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reproducesTheOfficialSignerHeaders(JsonNode vector) {
    ApiRequest signed = signed(vector.get("input"));
    JsonNode expected = vector.get("expected");

    for (String name : List.of("X-Date", "X-Content-Sha256", "Authorization", "Content-Type")) {
      assertEquals(expected.get(name).asText(), signed.headers().get(name), vector.get("id").asText() + " " + name);
    }
    assertEquals(expected.get("Host").asText(), signed.hostHeader());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reproducesTheIntermediateSteps(JsonNode vector) {
    ApiRequest signed = signed(vector.get("input"));
    JsonNode intermediate = vector.get("intermediate");
    List<String> names = List.of(intermediate.get("signed_headers").asText().split(";"));

    assertEquals(intermediate.get("canonical_query_string").asText(), signed.uri().getRawQuery() == null ? "" : signed.uri().getRawQuery());
    String canonical = VolcengineSigner.canonicalRequest(signed, names);
    assertEquals(intermediate.get("canonical_request").asText(), canonical);
    assertEquals(intermediate.get("string_to_sign").asText(),
        VolcengineSigner.stringToSign(canonical, signed.headers().get("X-Date"), vector.get("input").get("region").asText(), "rtc"));
  }

  @Test
  void theServiceSideCheckAcceptsTheSignatureAndRefusesAnyChange() {
    JsonNode input = cases().findFirst().orElseThrow().get("input");
    ApiRequest signed = signed(input);
    String authorization = signed.headers().get("Authorization");
    String signature = authorization.substring(authorization.indexOf("Signature=") + 10);
    List<String> names = List.of("content-type", "host", "x-content-sha256", "x-date");
    String secret = input.get("secret_access_key").asText();

    assertEquals(signature, VolcengineSigner.signature(signed, names, secret, signed.headers().get("X-Date"), "cn-north-1", "rtc"));
    ApiRequest tampered = new ApiRequest(signed.method(), signed.uri(), signed.headers(), "{}".getBytes(StandardCharsets.UTF_8));
    assertNotEquals(signature, VolcengineSigner.signature(tampered, names, secret, signed.headers().get("X-Date"), "cn-north-1", "rtc"));
  }

  @Test
  void aSessionTokenIsSentAndSigned() {
    JsonNode input = cases().findFirst().orElseThrow().get("input");
    Credentials sts = new Credentials("AKTPexample", "secret", Optional.of("token-value"), "test");
    ApiRequest signed = new VolcengineSigner("cn-north-1", "rtc").sign(request(input), sts, Instant.parse("2024-05-20T02:05:00Z"));

    assertEquals("token-value", signed.headers().get("X-Security-Token"));
    assertTrue(signed.headers().get("Authorization").contains("SignedHeaders=content-type;host;x-content-sha256;x-date;x-security-token,"));
    assertFalse(sts.toString().contains("token-value") || sts.toString().contains("secret"));
  }
}
