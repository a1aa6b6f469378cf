package dev.cloudmetrics.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to an API, before or after signing. {@code uri} carries the raw (already
 * percent-encoded) query; {@code headers} keep the caller's order and spelling and never include
 * {@code Host} (derived from the URI).
 */
public record ApiRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

  public ApiRequest {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The same request with more headers (later ones replace equal names, case-insensitively). */
  public ApiRequest withHeaders(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      if (extra.keySet().stream().noneMatch(k::equalsIgnoreCase)) {
        merged.put(k, v);
      }
    });
    merged.putAll(extra);
    return new ApiRequest(method, uri, merged, body);
  }

  /** The Host header value as sent: host, plus the port unless it is the scheme's default. */
  public String hostHeader() {
    int port = uri.getPort();
    boolean defaultPort = port == -1
        || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
        || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
    return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
  }
}
