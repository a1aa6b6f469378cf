package dev.cloudmetrics.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP response: status, headers (names lower-case) and the body bytes. */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body) {

  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
