package dev.cloudmetrics.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in what the tool shows of a request: signatures and session tokens become
 * {@code <redacted>}, access key ids keep their first four characters. The same rules apply to free
 * text that came from a server (an error body that echoes the request's headers).
 */
public final class Redaction {
  public static final String REDACTED = "<redacted>";
  private static final int SHOWN_KEY_CHARACTERS = 4;
  private static final Set<String> SECRET_HEADERS = Set.of(
      "x-security-token", "x-amz-security-token", "proxy-authorization", "cookie", "set-cookie");
  // Authorization parameters that say who and what was signed, but not the signature itself.
  private static final Set<String> PUBLIC_AUTH_PARAMETERS = Set.of("signedheaders");

  // "Name" : "value", escapes included; group 1 is everything up to the value.
  private static final Pattern JSON_STRING_FIELD =
      Pattern.compile("(\"([A-Za-z0-9_]+)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
  // In free text: a signature or a credential's key id after its name, wherever it stands.
  private static final Pattern SIGNATURE_IN_TEXT = Pattern.compile(
      "(?i)(signature\"?\\s*[=:]\\s*\"?)[^\\s\",;&'<>}]+");
  private static final Pattern CREDENTIAL_IN_TEXT = Pattern.compile(
      "(?i)(credential\"?\\s*[=:]\\s*\"?)([^\\s\",;&'<>}/%]+)");
  // A secret header written as "Name: value", "Name=value" or "\"Name\":\"value\"": an authorization value to the
  // line's, the string's or the parenthesis' end (it holds spaces), a token or key to the next space.
  private static final Pattern SECRET_HEADER_IN_TEXT = Pattern.compile(
      "(?i)(?<![\\w-])(?:((?:proxy-)?authorization\"?\\s*[=:]\\s*\"?)[^\"\\r\\n<)]+"
          + "|((?:x-(?:amz-)?security-token|session_?token|security_?token|secret_?(?:access_?)?key)"
          + "\"?\\s*[=:]\\s*\"?)[^\\s\",;&<)]+)");
  private static final int SHORTEST_SECRET = 8;

  private Redaction() {}

  /**
   * Free text from a server or an exception with every secret the patterns know masked: signatures,
   * the key id of a credential, session tokens and authorization values after their names.
   */
  public static String text(String text) {
    String masked = replace(SECRET_HEADER_IN_TEXT, text, m -> (m.group(1) != null ? m.group(1) : m.group(2)) + REDACTED);
    masked = replace(SIGNATURE_IN_TEXT, masked, m -> m.group(1) + REDACTED);
    return replace(CREDENTIAL_IN_TEXT, masked, m -> m.group(1) + accessKeyId(m.group(2)));
  }

  /**
   * {@link #text(String)}, and also every secret {@code sent} carried, wherever the text repeats it
   * (as sent, or with its slashes JSON-escaped): its signature, session token and access key id.
   */
  public static String text(String text, ApiRequest sent) {
    String masked = text;
    for (Map.Entry<String, String> secret : secretsOf(sent).entrySet()) {
      masked = masked.replace(secret.getKey(), secret.getValue())
          .replace(secret.getKey().replace("/", "\\/"), secret.getValue());
    }
    return text(masked);
  }

  /** Each secret the request carried, longest first (a secret inside another is not masked half-way), with how it is shown. */
  private static Map<String, String> secretsOf(ApiRequest sent) {
    Map<String, String> shown = new HashMap<>();
    sent.headers().forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("authorization")) {
        shown.put(value.strip(), authorization(value));
        for (String part : value.split("[ ,]+")) {
          int eq = part.indexOf('=');
          if (eq > 0 && part.substring(0, eq).equalsIgnoreCase("Signature")) {
            shown.put(part.substring(eq + 1), REDACTED);
          }
        }
        String keyId = keyIdOf(value);
        shown.put(keyId, accessKeyId(keyId));
      } else if (isSecretName(lower)) {
        shown.put(value.strip(), REDACTED);
      }
    });
    // Short ones would mask ordinary words.
    Map<String, String> ordered = new LinkedHashMap<>();
    shown.keySet().stream().filter(s -> s.length() >= SHORTEST_SECRET)
        .sorted(Comparator.comparingInt(String::length).reversed()).forEach(s -> ordered.put(s, shown.get(s)));
    return ordered;
  }

  /** The access key id of an Authorization value's credential, or "" without one. */
  private static String keyIdOf(String authorization) {
    Matcher m = CREDENTIAL_IN_TEXT.matcher(authorization);
    return m.find() ? m.group(2) : "";
  }

  private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    return m.appendTail(out).toString();
  }

  /** The header's value as it may be shown: secrets masked, everything else as is. */
  public static String headerValue(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("authorization")) {
      return authorization(value);
    }
    return isSecretName(lower) ? REDACTED : value;
  }

  /** The URL with signature, token and password parts of its query and user info masked. */
  public static String url(URI uri) {
    StringBuilder out = new StringBuilder();
    if (uri.getScheme() != null) {
      out.append(uri.getScheme()).append(':');
    }
    if (uri.getRawAuthority() != null) {
      out.append("//");
      if (uri.getRawUserInfo() != null) {
        out.append(REDACTED).append('@');
      }
      out.append(uri.getHost() != null ? hostAndPort(uri) : uri.getRawAuthority());
    }
    out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (uri.getRawQuery() != null) {
      out.append('?').append(query(uri.getRawQuery()));
    }
    return out.toString();
  }

  /**
   * A JSON body as it may be shown: the string value of every field whose name ends in {@code Key}
   * (RTC ListApps' {@code AppKey}, {@code SecondaryAppKey}) or names a secret becomes {@code <redacted>}.
   */
  public static String jsonBody(String body) {
    Matcher field = JSON_STRING_FIELD.matcher(body);
    StringBuilder out = new StringBuilder();
    while (field.find()) {
      String name = field.group(2).toLowerCase(Locale.ROOT);
      String shown = name.endsWith("key") || isSecretName(name)
          ? field.group(1) + "\"" + REDACTED + "\"" : field.group();
      field.appendReplacement(out, Matcher.quoteReplacement(shown));
    }
    field.appendTail(out);
    return out.toString();
  }

  /** {@code AKLT****} for {@code AKLTabcdef...}: enough to tell keys apart, not enough to use one. */
  public static String accessKeyId(String keyId) {
    return (keyId.length() > SHOWN_KEY_CHARACTERS ? keyId.substring(0, SHOWN_KEY_CHARACTERS) : "") + "****";
  }

  private static String hostAndPort(URI uri) {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  private static String authorization(String value) {
    String trimmed = value.strip();
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      return REDACTED;
    }
    StringJoiner parameters = new StringJoiner(", ");
    for (String parameter : trimmed.substring(space + 1).split(",")) {
      String part = parameter.strip();
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String shown = eq < 0 ? REDACTED : part.substring(eq + 1);
      if (name.equalsIgnoreCase("Credential")) {
        parameters.add(name + "=" + credential(shown));
      } else if (eq >= 0 && PUBLIC_AUTH_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
        parameters.add(part);
      } else {
        parameters.add(eq < 0 ? REDACTED : name + "=" + REDACTED);
      }
    }
    return trimmed.substring(0, space) + " " + parameters;
  }

  /** {@code AK/date/region/service/terminator}: the scope is public, the key id is shortened. */
  private static String credential(String credential) {
    int slash = credential.indexOf('/');
    return slash < 0 ? accessKeyId(credential) : accessKeyId(credential.substring(0, slash)) + credential.substring(slash);
  }

  /** The credential of a query, still percent-encoded: the key id (before the first slash) shortened. */
  private static String rawCredential(String raw) {
    int slash = raw.indexOf('/');
    int encodedSlash = raw.toUpperCase(Locale.ROOT).indexOf("%2F");
    int cut = slash < 0 ? encodedSlash : encodedSlash < 0 ? slash : Math.min(slash, encodedSlash);
    return cut < 0 ? accessKeyId(raw) : accessKeyId(URLDecoder.decode(raw.substring(0, cut), StandardCharsets.UTF_8))
        + raw.substring(cut);
  }

  private static String query(String rawQuery) {
    StringJoiner parameters = new StringJoiner("&");
    for (String parameter : rawQuery.split("&", -1)) {
      int eq = parameter.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? parameter : parameter.substring(0, eq), StandardCharsets.UTF_8)
          .toLowerCase(Locale.ROOT);
      if (eq < 0) {
        parameters.add(parameter);
      } else if (name.endsWith("credential")) {
        parameters.add(parameter.substring(0, eq + 1) + rawCredential(parameter.substring(eq + 1)));
      } else if (isSecretName(name)) {
        parameters.add(parameter.substring(0, eq + 1) + REDACTED);
      } else {
        parameters.add(parameter);
      }
    }
    return parameters.toString();
  }

  private static boolean isSecretName(String lowerCaseName) {
    return SECRET_HEADERS.contains(lowerCaseName) || lowerCaseName.contains("signature")
        || lowerCaseName.contains("token") || lowerCaseName.contains("secret") || lowerCaseName.contains("password");
  }
}
