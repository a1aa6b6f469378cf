package dev.cloudmetrics.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an {@code Authorization} header both vendors write the same way:
 * {@code ALGORITHM Credential=AK/YYYYMMDD/region/service/TERMINATOR, SignedHeaders=a;b, Signature=hex}.
 */
record SignatureHeader(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
    String signature) {

  SignatureHeader {
    signedHeaders = List.copyOf(signedHeaders);
  }

  static Optional<SignatureHeader> parse(String authorization, String algorithm, String terminator) {
    Pattern pattern = Pattern.compile(Pattern.quote(algorithm)
        + " +Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/" + Pattern.quote(terminator)
        + " *, *SignedHeaders=([A-Za-z0-9;_-]+) *, *Signature=([0-9a-fA-F]{64})");
    Matcher matcher = pattern.matcher(authorization.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.of(new SignatureHeader(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4),
        Arrays.asList(matcher.group(5).split(";")), matcher.group(6)));
  }

  /** Compared in constant time, as a service does so that timing tells nothing about the right one. */
  boolean matches(String recomputed) {
    return MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
        recomputed.getBytes(StandardCharsets.US_ASCII));
  }
}
