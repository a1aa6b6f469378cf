package dev.cloudmetrics.emulator;

import java.util.UUID;

/** KSYun's error shape, in JSON or (as some of its gateways answer) XML. */
final class KsyunEnvelope {
  private KsyunEnvelope() {}

  static String newRequestId() {
    return UUID.randomUUID().toString();
  }

  static Reply error(String requestId, Rejection rejection, boolean xml) {
    if (xml) {
      return Reply.xml(rejection.status(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<ErrorResponse><RequestId>" + escape(requestId) + "</RequestId><Error><Type>" + type(rejection) + "</Type>"
          + "<Code>" + escape(rejection.code()) + "</Code><Message>" + escape(rejection.getMessage())
          + "</Message></Error></ErrorResponse>");
    }
    return Reply.json(rejection.status(), JsonBody.of(json -> {
      json.writeStartObject();
      json.writeStringField("RequestId", requestId);
      json.writeObjectFieldStart("Error");
      json.writeStringField("Type", type(rejection));
      json.writeStringField("Code", rejection.code());
      json.writeStringField("Message", rejection.getMessage());
      json.writeEndObject();
      json.writeEndObject();
    }));
  }

  /** Whose fault it was, in AWS's words. */
  private static String type(Rejection rejection) {
    return rejection.status() >= 500 ? "Receiver" : "Sender";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
