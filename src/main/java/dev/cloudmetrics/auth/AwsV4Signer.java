package dev.cloudmetrics.auth;

import static dev.cloudmetrics.auth.SigningPrimitives.header;

import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.FormEncoding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * AWS Signature Version 4 as Kingsoft Cloud uses it (com.ksc.auth.AWS4Signer): the headers the
 * caller names plus {@code host} and {@code x-amz-date} are signed, the payload hash is not sent.
 */
public final class AwsV4Signer {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String region;
  private final String service;
  private final boolean doubleEncodePath;

  /** A signer for every service but S3: the path is URI-encoded once more, as the SDKs do. */
  public AwsV4Signer(String region, String service) {
    this(region, service, true);
  }

  public AwsV4Signer(String region, String service, boolean doubleEncodePath) {
    this.region = region;
    this.service = service;
    this.doubleEncodePath = doubleEncodePath;
  }

  /** The request with X-Amz-Date, X-Amz-Security-Token (with a session token) and Authorization added. */
  public ApiRequest sign(ApiRequest request, Collection<String> headersToSign, Credentials credentials, Instant now) {
    String amzDate = AMZ_DATE.format(now);
    Map<String, String> added = new LinkedHashMap<>();
    added.put("X-Amz-Date", amzDate);
    credentials.sessionToken().ifPresent(token -> added.put("X-Amz-Security-Token", token));
    ApiRequest dated = request.withHeaders(added);

    TreeSet<String> signed = new TreeSet<>();
    headersToSign.forEach(name -> signed.add(SigningPrimitives.lower(name)));
    signed.add("host");
    signed.addAll(added.keySet().stream().map(SigningPrimitives::lower).toList());
    List<String> names = List.copyOf(signed);
    String signature = signature(dated, names, credentials.secretAccessKey(), amzDate, region, service, doubleEncodePath);
    String authorization = ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope(amzDate, region, service)
        + ", SignedHeaders=" + String.join(";", names) + ", Signature=" + signature;
    return dated.withHeaders(Map.of("Authorization", authorization));
  }

  /** The hex signature of a received request over the named headers, as the service verifies it. */
  public static String signature(ApiRequest request, List<String> signedHeaders, String secretKey, String amzDate,
      String region, String service) {
    return signature(request, signedHeaders, secretKey, amzDate, region, service, true);
  }

  static String signature(ApiRequest request, List<String> signedHeaders, String secretKey, String amzDate,
      String region, String service, boolean doubleEncodePath) {
    String stringToSign = stringToSign(canonicalRequest(request, signedHeaders, doubleEncodePath), amzDate, region, service);
    return SigningPrimitives.hex(SigningPrimitives.hmac(signingKey(secretKey, amzDate.substring(0, 8), region, service), stringToSign));
  }

  static String canonicalRequest(ApiRequest request, List<String> signedHeaders, boolean doubleEncodePath) {
    List<String> names = signedHeaders.stream().map(SigningPrimitives::lower).sorted().distinct().toList();
    StringBuilder canonical = new StringBuilder();
    canonical.append(request.method()).append('\n');
    canonical.append(canonicalPath(request.uri().getRawPath(), doubleEncodePath)).append('\n');
    canonical.append(canonicalQuery(request.uri().getRawQuery())).append('\n');
    for (String name : names) {
      String value = name.equals("host") ? request.hostHeader() : header(request.headers(), name).orElse("");
      canonical.append(name).append(':').append(value.trim().replaceAll("\\s+", " ")).append('\n');
    }
    canonical.append('\n').append(String.join(";", names)).append('\n');
    canonical.append(SigningPrimitives.sha256Hex(request.body()));
    return canonical.toString();
  }

  static String stringToSign(String canonicalRequest, String amzDate, String region, String service) {
    return ALGORITHM + "\n" + amzDate + "\n" + scope(amzDate, region, service) + "\n"
        + SigningPrimitives.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
  }

  /** Parameters percent-encoded, then sorted by name and value. */
  static String canonicalQuery(String rawQuery) {
    return SigningPrimitives.queryParameters(rawQuery).stream()
        .map(p -> Map.entry(FormEncoding.percentEncode(p.getKey()), FormEncoding.percentEncode(p.getValue())))
        .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
        .map(p -> p.getKey() + "=" + p.getValue())
        .collect(Collectors.joining("&"));
  }

  private static String canonicalPath(String rawPath, boolean doubleEncode) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    if (!doubleEncode) {
      return path;
    }
    // Each segment as sent (already encoded) is encoded once more, keeping the slashes.
    return java.util.Arrays.stream(path.split("/", -1)).map(FormEncoding::percentEncode).collect(Collectors.joining("/"));
  }

  private static byte[] signingKey(String secretKey, String shortDate, String region, String service) {
    byte[] key = SigningPrimitives.hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), shortDate);
    key = SigningPrimitives.hmac(key, region);
    key = SigningPrimitives.hmac(key, service);
    return SigningPrimitives.hmac(key, "aws4_request");
  }

  private static String scope(String amzDate, String region, String service) {
    return amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
  }
}
