package dev.cloudmetrics.emulator;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** What the emulator answers: status, content type, any further headers, body. */
record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {

  Reply {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  static Reply json(int status, String json) {
    return new Reply(status, "application/json; charset=utf-8", Map.of(), json.getBytes(StandardCharsets.UTF_8));
  }

  static Reply xml(int status, String xml) {
    return new Reply(status, "application/xml; charset=utf-8", Map.of(), xml.getBytes(StandardCharsets.UTF_8));
  }

  static Reply html(int status, String html) {
    return new Reply(status, "text/html; charset=utf-8", Map.of(), html.getBytes(StandardCharsets.UTF_8));
  }

  Reply withHeader(String name, String value) {
    Map<String, String> more = new HashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, more, body);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
