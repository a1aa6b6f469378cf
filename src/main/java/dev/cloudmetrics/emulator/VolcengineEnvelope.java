package dev.cloudmetrics.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  Reply result(JsonNode result) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("ResponseMetadata", metadata());
    root.set("Result", result);
    return Reply.json(200, root.toString());
  }

  Reply error(Rejection rejection) {
    ObjectNode metadata = metadata();
    ObjectNode error = metadata.putObject("Error");
    error.put("CodeN", rejection.codeN());
    error.put("Code", rejection.code());
    error.put("Message", rejection.getMessage());
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("ResponseMetadata", metadata);
    Reply reply = Reply.json(rejection.status(), root.toString());
    return rejection.status() == 429 ? reply.withHeader("Retry-After", "1") : reply;
  }

  private ObjectNode metadata() {
    ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    metadata.put("RequestId", requestId);
    metadata.put("Action", action);
    metadata.put("Version", version);
    metadata.put("Service", service);
    metadata.put("Region", region);
    return metadata;
  }
}
