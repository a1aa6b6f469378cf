package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.FormEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of ksyun-sigv4.json: KSYun's own signer and the public AWS SigV4 suite. */
class AwsV4SignerTest {
  static final JsonNode FILE = SigningVectors.load("ksyun-sigv4.json");

  static Stream<JsonNode> vectors() {
    return SigningVectors.list(FILE.get("vectors")).stream();
  }

  static Stream<JsonNode> compact() {
    return SigningVectors.list(FILE.get("ksyun_compact")).stream();
  }

  /** The request before signing: URL, query and every header the vector sends. */
  static ApiRequest request(JsonNode input, Map<String, String> extraHeaders) {
    StringBuilder query = new StringBuilder();
    for (JsonNode p : input.get("query_params_raw")) {
      query.append(query.length() == 0 ? "?" : "&").append(FormEncoding.percentEncode(p.get("name").asText()))
          .append('=').append(FormEncoding.percentEncode(p.get("value").asText()));
    }
    String url = input.get("url").asText();
    URI uri = URI.create((url.contains("?") || query.length() == 0 ? url : url + query));
    Map<String, String> headers = new LinkedHashMap<>();
    input.get("signed_headers_input").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
    input.get("unsigned_headers_sent").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
    headers.putAll(extraHeaders);
    byte[] body = input.get("body").isNull() ? new byte[0] : input.get("body").asText().getBytes(StandardCharsets.UTF_8);
    return new ApiRequest(input.get("method").asText(), uri, headers, body);
  }

  static ApiRequest sign(JsonNode input, Map<String, String> extraHeaders) {
    List<String> toSign = new ArrayList<>();
    input.get("signed_headers_input").properties().forEach(e -> toSign.add(e.getKey()));
    toSign.addAll(extraHeaders.keySet());
    return new AwsV4Signer(input.get("region").asText(), input.get("service").asText(), input.get("double_url_encode_path").asBoolean())
        .sign(request(input, extraHeaders), toSign, Credentials.of(input.get("access_key").asText(), input.get("secret_key").asText(), "vector"),
            Instant.parse(input.get("signing_time").asText()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void reproducesTheAuthorizationAndEveryStep(JsonNode vector) {
    JsonNode input = vector.get("input");
    JsonNode expected = vector.get("expected");
    ApiRequest signed = sign(input, Map.of());

    assertEquals(expected.get("authorization").asText(), signed.headers().get("Authorization"), vector.get("id").asText());
    if (expected.has("canonical_request")) {
      String names = signed.headers().get("Authorization").replaceAll(".*SignedHeaders=([^,]*),.*", "$1");
      String canonical = AwsV4Signer.canonicalRequest(signed, List.of(names.split(";")), input.get("double_url_encode_path").asBoolean());
      assertEquals(expected.get("canonical_request").asText(), canonical);
      assertEquals(expected.get("string_to_sign").asText(), AwsV4Signer.stringToSign(canonical, signed.headers().get("X-Amz-Date"),
          input.get("region").asText(), input.get("service").asText()));
    }
  }

  /** The KSYun cases, the only ones with a variant that also signs x-amz-content-sha256. */
  static Stream<JsonNode> vectorsWithPayloadHashVariant() {
    return vectors().filter(v -> v.get("expected").has("variant_with_x_amz_content_sha256"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectorsWithPayloadHashVariant")
  void signingThePayloadHashHeaderToo(JsonNode vector) {
    JsonNode variant = vector.get("expected").get("variant_with_x_amz_content_sha256");
    ApiRequest signed = sign(vector.get("input"), Map.of("X-Amz-Content-Sha256", variant.get("x_amz_content_sha256_header").asText()));

    assertEquals(variant.get("authorization").asText(), signed.headers().get("Authorization"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compact")
  void reproducesTheWireHeadersOfTheCompactCases(JsonNode vector) {
    List<String> toSign = new ArrayList<>();
    for (String name : vector.get("signed_headers").asText().split(";")) {
      if (!name.equals("host") && !name.equals("x-amz-date")) {
        toSign.add(name);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    vector.get("wire_headers").properties().forEach(e -> {
      if (!List.of("Host", "X-Amz-Date", "Authorization").contains(e.getKey())) {
        headers.put(e.getKey(), e.getValue().asText());
      }
    });
    byte[] body = vector.get("body").isNull() ? new byte[0] : vector.get("body").asText().getBytes(StandardCharsets.UTF_8);
    ApiRequest request = new ApiRequest(vector.get("method").asText(), URI.create(vector.get("url").asText()), headers, body);

    ApiRequest signed = new AwsV4Signer(vector.get("region").asText(), vector.get("service").asText()).sign(request, toSign,
        Credentials.of(vector.get("access_key").asText(), vector.get("secret_key").asText(), "vector"),
        Instant.parse(vector.get("signing_time").asText()));

    assertEquals(vector.get("wire_headers").get("X-Amz-Date").asText(), signed.headers().get("X-Amz-Date"));
    assertEquals(vector.get("authorization").asText(), signed.headers().get("Authorization"));
    assertEquals(vector.get("wire_headers").get("Host").asText(), signed.hostHeader());
  }
}
