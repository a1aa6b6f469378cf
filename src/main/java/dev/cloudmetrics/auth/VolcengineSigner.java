package dev.cloudmetrics.auth;

import static dev.cloudmetrics.auth.SigningPrimitives.header;

import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.FormEncoding;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Volcengine's "HMAC-SHA256" request signature (volc-sdk-java SignerV4Impl), as described in
 * signing.md: a pure function of request, credentials and time.
 */
public final class VolcengineSigner {
  static final String ALGORITHM = "HMAC-SHA256";
  // What the official SDK sets when a request has no Content-Type; it is signed, so it must be sent.
  static final String DEFAULT_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
  private static final DateTimeFormatter X_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String region;
  private final String service;

  public VolcengineSigner(String region, String service) {
    this.region = region;
    this.service = service;
  }

  /**
   * The request with its query in canonical order and X-Date, X-Content-Sha256, Content-Type (if
   * missing), X-Security-Token (for STS credentials) and Authorization added.
   */
  public ApiRequest sign(ApiRequest request, Credentials credentials, Instant now) {
    String xDate = X_DATE.format(now);
    byte[] body = request.body();
    Map<String, String> added = new LinkedHashMap<>();
    if (header(request.headers(), "Content-Type").isEmpty()) {
      added.put("Content-Type", DEFAULT_CONTENT_TYPE);
    }
    added.put("X-Date", xDate);
    added.put("X-Content-Sha256", SigningPrimitives.sha256Hex(body));
    credentials.sessionToken().ifPresent(token -> added.put("X-Security-Token", token));
    ApiRequest withHeaders = canonicalUri(request).withHeaders(added);

    List<String> signed = new ArrayList<>(List.of("content-type", "host", "x-content-sha256", "x-date"));
    credentials.sessionToken().ifPresent(token -> signed.add("x-security-token"));
    String signature = signature(withHeaders, signed, credentials.secretAccessKey(), xDate, region, service);
    String authorization = ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope(xDate, region, service)
        + ", SignedHeaders=" + String.join(";", signed) + ", Signature=" + signature;
    return withHeaders.withHeaders(Map.of("Authorization", authorization));
  }

  /** The hex signature of a request over the named headers: what the service recomputes to verify. */
  public static String signature(ApiRequest request, List<String> signedHeaders, String secretKey, String xDate,
      String region, String service) {
    String stringToSign = stringToSign(canonicalRequest(request, signedHeaders), xDate, region, service);
    return SigningPrimitives.hex(SigningPrimitives.hmac(signingKey(secretKey, xDate.substring(0, 8), region, service), stringToSign));
  }

  static String canonicalRequest(ApiRequest request, List<String> signedHeaders) {
    List<String> names = signedHeaders.stream().map(SigningPrimitives::lower).sorted().toList();
    StringBuilder canonical = new StringBuilder();
    canonical.append(request.method()).append('\n');
    canonical.append(request.uri().getRawPath() == null || request.uri().getRawPath().isEmpty() ? "/" : request.uri().getRawPath()).append('\n');
    canonical.append(canonicalQuery(request.uri().getRawQuery())).append('\n');
    for (String name : names) {
      String value = name.equals("host") ? request.hostHeader() : header(request.headers(), name).orElse("");
      canonical.append(name).append(':').append(value.trim()).append('\n');
    }
    canonical.append('\n').append(String.join(";", names)).append('\n');
    canonical.append(SigningPrimitives.sha256Hex(request.body()));
    return canonical.toString();
  }

  static String stringToSign(String canonicalRequest, String xDate, String region, String service) {
    return ALGORITHM + "\n" + xDate + "\n" + scope(xDate, region, service) + "\n"
        + SigningPrimitives.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
  }

  /** Parameters sorted by name (stable for repeated names), each side percent-encoded. */
  static String canonicalQuery(String rawQuery) {
    return SigningPrimitives.queryParameters(rawQuery).stream()
        .sorted(Comparator.comparing(Map.Entry::getKey))
        .map(p -> FormEncoding.percentEncode(p.getKey()) + "=" + FormEncoding.percentEncode(p.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static byte[] signingKey(String secretKey, String shortDate, String region, String service) {
    byte[] key = SigningPrimitives.hmac(secretKey.getBytes(StandardCharsets.UTF_8), shortDate);
    key = SigningPrimitives.hmac(key, region);
    key = SigningPrimitives.hmac(key, service);
    return SigningPrimitives.hmac(key, "request");
  }

  private static String scope(String xDate, String region, String service) {
    return xDate.substring(0, 8) + "/" + region + "/" + service + "/request";
  }

  private static ApiRequest canonicalUri(ApiRequest request) {
    URI uri = request.uri();
    String query = canonicalQuery(uri.getRawQuery());
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    URI canonical = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + (query.isEmpty() ? "" : "?" + query));
    return new ApiRequest(request.method(), canonical, request.headers(), request.body());
  }
}
