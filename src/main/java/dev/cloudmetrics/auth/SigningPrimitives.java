package dev.cloudmetrics.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Hashes, HMACs and header/query canonicalisation that both signing schemes are built from. */
final class SigningPrimitives {
  private static final HexFormat HEX = HexFormat.of();
  /** SHA-256's block size in bytes, the length HMAC pads its key to. */
  private static final int HMAC_BLOCK = 64;

  private SigningPrimitives() {}

  static String sha256Hex(byte[] data) {
    return HEX.formatHex(sha256().digest(data));
  }

  /**
   * HMAC-SHA256 (RFC 2104) over the JDK's SHA-256. Not {@code javax.crypto.Mac}: its first use
   * reads the JCE's jurisdiction policy files and loads the provider chain, 15 ms of a 200 ms
   * command, for a construction of two hashes. Checked against {@code Mac} and every signing vector.
   */
  static byte[] hmac(byte[] key, String data) {
    MessageDigest sha256 = sha256();
    byte[] block = new byte[HMAC_BLOCK];
    byte[] shortKey = key.length > HMAC_BLOCK ? sha256.digest(key) : key;
    System.arraycopy(shortKey, 0, block, 0, shortKey.length);
    for (int i = 0; i < HMAC_BLOCK; i++) {
      block[i] ^= 0x36;
    }
    sha256.update(block);
    byte[] inner = sha256.digest(data.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < HMAC_BLOCK; i++) {
      block[i] ^= 0x36 ^ 0x5c;
    }
    sha256.update(block);
    return sha256.digest(inner);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  static String hex(byte[] data) {
    return HEX.formatHex(data);
  }

  /** The query's parameters, percent-decoded ({@code +} is kept as a plus, as the signers read it). */
  static List<Map.Entry<String, String>> queryParameters(String rawQuery) {
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        parameters.add(Map.entry(decode(eq < 0 ? pair : pair.substring(0, eq)), decode(eq < 0 ? "" : pair.substring(eq + 1))));
      }
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** A header's value, looked up without regard to case. */
  static Optional<String> header(Map<String, String> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
