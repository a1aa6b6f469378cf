package dev.cloudmetrics.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} as the KSYun SDK writes it: UTF-8, every character
 * except {@code A-Z a-z 0-9 - _ . ~} percent-encoded with upper-case hex, so {@code +0800} travels
 * as {@code %2B0800} and a space as {@code %20}.
 */
public final class FormEncoding {
  private FormEncoding() {}

  /** The parameters in the given order, {@code name=value} joined with {@code &}. */
  public static String encode(List<Map.Entry<String, String>> parameters) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> parameter : parameters) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(percentEncode(parameter.getKey())).append('=').append(percentEncode(parameter.getValue()));
    }
    return out.toString();
  }

  /** Reads a form (or a raw query string) back into its parameters, in order; {@code +} means a space. */
  public static List<Map.Entry<String, String>> decode(String form) {
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    if (form == null || form.isEmpty()) {
      return parameters;
    }
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      parameters.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8)));
    }
    return parameters;
  }

  /** RFC 3986 unreserved characters stay, everything else is {@code %XX} of its UTF-8 bytes. */
  public static String percentEncode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
