package dev.cloudmetrics.auth;

import java.util.Objects;
import java.util.Optional;

/** An access key pair, with the session token of temporary (STS) credentials; {@code toString} hides the secrets. */
public record Credentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken, String source) {
  public Credentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(sessionToken, "sessionToken");
    Objects.requireNonNull(source, "source");
  }

  /** Long-term credentials from {@code source} (e.g. "env KSYUN_ACCESS_KEY", "profile default"). */
  public static Credentials of(String accessKeyId, String secretAccessKey, String source) {
    return new Credentials(accessKeyId, secretAccessKey, Optional.empty(), source);
  }

  /** What stands in for a secret, whatever its length. */
  public static final String MASK = "****";

  /** The key id with all but its first four characters masked, for messages and --dry-run. */
  public String maskedKeyId() {
    return maskKeyId(accessKeyId);
  }

  /** {@code keyId} with all but its first four characters masked ({@code AKLT****}). */
  public static String maskKeyId(String keyId) {
    return keyId.length() <= 4 ? MASK : keyId.substring(0, 4) + MASK;
  }

  @Override
  public String toString() {
    return "Credentials[" + maskedKeyId() + " from " + source + (sessionToken.isPresent() ? ", with session token" : "") + "]";
  }
}
