package dev.cloudmetrics.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** Volcengine's answer shape: {@code ResponseMetadata} (with {@code Error} on failure) and {@code Result}. */
final class VolcengineEnvelope {
  private static final DateTimeFormatter REQUEST_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final String action;
  private final String version;
  private final String service;
  private final String region;
  private final String requestId;

  VolcengineEnvelope(String action, String version, String service, String region, String requestId) {
    this.action = action;
    this.version = version;
    this.service = service;
    this.region = region;
    this.requestId = requestId;
  }

  /** Ids the way the gateway writes them: Beijing time to the second, then hex. */
  static String newRequestId(Clock clock) {
    String time = clock.instant().atOffset(ZoneOffset.ofHours(8)).format(REQUEST_ID_TIME);
    return time + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase(Locale.ROOT);
  }

  /** The same envelope once the signature told which region the request was meant for. */
  VolcengineEnvelope inRegion(String signedRegion) {
    return new VolcengineEnvelope(action, version, service, signedRegion, requestId);
  }

  Reply result(JsonBody.Content result) {
    return Reply.json(200, JsonBody.of(json -> {
      json.writeStartObject();
      json.writeFieldName("ResponseMetadata");
      writeMetadata(json, null);
      json.writeFieldName("Result");
      result.writeTo(json);
      json.writeEndObject();
    }));
  }

  Reply error(Rejection rejection) {
    Reply reply = Reply.json(rejection.status(), JsonBody.of(json -> {
      json.writeStartObject();
      json.writeFieldName("ResponseMetadata");
      writeMetadata(json, rejection);
      json.writeEndObject();
    }));
    return rejection.status() == 429 ? reply.withHeader("Retry-After", "1") : reply;
  }

  /** {@code ResponseMetadata}, with the rejection as its {@code Error} when there is one. */
  private void writeMetadata(JsonGenerator json, Rejection rejection) throws IOException {
    json.writeStartObject();
    json.writeStringField("RequestId", requestId);
    json.writeStringField("Action", action);
    json.writeStringField("Version", version);
    json.writeStringField("Service", service);
    json.writeStringField("Region", region);
    if (rejection != null) {
      json.writeObjectFieldStart("Error");
      json.writeNumberField("CodeN", rejection.codeN());
      json.writeStringField("Code", rejection.code());
      json.writeStringField("Message", rejection.getMessage());
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
