package dev.cloudmetrics.emulator;

import com.sun.net.httpserver.HttpExchange;
import dev.cloudmetrics.http.ApiRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One request as the emulator received it: header names lower-case, the query still raw. */
record ReceivedRequest(String method, String path, String rawQuery, String host, Map<String, String> headers,
    byte[] body) {

  ReceivedRequest {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  static ReceivedRequest read(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
    }
    String host = headers.getOrDefault("host", "127.0.0.1");
    headers.remove("host");
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    URI uri = exchange.getRequestURI();
    return new ReceivedRequest(exchange.getRequestMethod(), uri.getRawPath(),
        Optional.ofNullable(uri.getRawQuery()).orElse(""), host, headers, body);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The request as its sender built it, for recomputing the signature the sender must have made. */
  ApiRequest asApiRequest() {
    String query = rawQuery.isEmpty() ? "" : "?" + rawQuery;
    return new ApiRequest(method, URI.create("http://" + host + path + query), headers, body);
  }
}
