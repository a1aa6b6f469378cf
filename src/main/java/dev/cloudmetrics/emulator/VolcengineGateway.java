package dev.cloudmetrics.emulator;

import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.auth.VolcengineSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Volcengine's gateway: checks the "HMAC-SHA256" signature of a request before the service sees it. */
final class VolcengineGateway {
  /** Who signed a request that passed, and the region its signature was made for. */
  record Caller(String accessKeyId, String region) {}

  private static final Duration TOLERANCE = Duration.ofSeconds(900);
  private static final String MISMATCH = "The request signature we calculated does not match the signature you "
      + "provided. Check your Secret Access Key and signing method.";

  private final Map<String, Credentials> known;
  private final String service;
  private final Clock clock;

  VolcengineGateway(List<Credentials> known, String service, Clock clock) {
    this.known = known.stream().collect(Collectors.toMap(Credentials::accessKeyId, Function.identity()));
    this.service = service;
    this.clock = clock;
  }

  Caller authenticate(ReceivedRequest request) {
    SignatureHeader authorization = request.header("Authorization")
        .flatMap(value -> SignatureHeader.parse(value, "HMAC-SHA256", "request"))
        .orElseThrow(() -> VolcengineErrors.invalidAuthorization("The Authorization header is missing or malformed: "
            + "expected HMAC-SHA256 Credential=AK/YYYYMMDD/region/service/request, SignedHeaders=..., Signature=..."));
    String xDate = request.header("X-Date").orElse("");
    Instant signedAt = SigningTime.parse(xDate).orElseThrow(() ->
        VolcengineErrors.invalidTimestamp("The X-Date header '" + xDate + "' is missing or not yyyyMMdd'T'HHmmss'Z'."));
    Instant now = clock.instant();
    if (!SigningTime.within(signedAt, now, TOLERANCE)) {
      throw VolcengineErrors.invalidTimestamp("The request was signed at " + xDate + ", more than 900 seconds from "
          + "the server time " + SigningTime.format(now) + ".");
    }
    Credentials credentials = known.get(authorization.accessKeyId());
    if (credentials == null) {
      throw VolcengineErrors.invalidAccessKey(authorization.accessKeyId());
    }
    if (credentials.sessionToken().isPresent()
        && !credentials.sessionToken().equals(request.header("X-Security-Token"))) {
      throw VolcengineErrors.invalidSecurityToken();
    }
    if (!authorization.date().equals(xDate.substring(0, 8))) {
      throw VolcengineErrors.signatureDoesNotMatch("The date of the credential scope does not match X-Date.");
    }
    if (request.header("X-Content-Sha256").filter(hash -> !hash.equalsIgnoreCase(sha256Hex(request.body()))).isPresent()) {
      throw VolcengineErrors.signatureDoesNotMatch("X-Content-Sha256 is not the SHA-256 of the body that arrived.");
    }
    String expected = VolcengineSigner.signature(request.asApiRequest(), authorization.signedHeaders(),
        credentials.secretAccessKey(), xDate, authorization.region(), service);
    if (!authorization.matches(expected)) {
      throw VolcengineErrors.signatureDoesNotMatch(MISMATCH);
    }
    return new Caller(credentials.accessKeyId(), authorization.region());
  }

  private static String sha256Hex(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
