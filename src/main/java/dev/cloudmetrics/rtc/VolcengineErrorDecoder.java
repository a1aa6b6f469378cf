package dev.cloudmetrics.rtc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.http.ApiResponse;
import dev.cloudmetrics.http.ErrorDecoder;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads Volcengine's {@code ResponseMetadata.Error {Code, CodeN, Message}} on any status (the
 * gateway also sends it with HTTP 200); an error status without that envelope keeps its status.
 */
public final class VolcengineErrorDecoder implements ErrorDecoder {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public Optional<ApiError> decode(ApiResponse response) {
    Optional<ApiError> enveloped = envelope(response.status(), response.body());
    if (enveloped.isPresent() || response.status() < 400) {
      return enveloped;
    }
    return Optional.of(ErrorDecoder.fromStatus(response));
  }

  /** Streams the top level only, so a large successful body costs a skim, not a tree. */
  private static Optional<ApiError> envelope(int status, byte[] body) {
    try (JsonParser json = JSON.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if ("ResponseMetadata".equals(name) && value == JsonToken.START_OBJECT) {
          return metadata(json, status);
        }
        json.skipChildren();
      }
      return Optional.empty();
    } catch (IOException e) {
      // Not JSON: the caller falls back to the status, or the response parser reports it.
      return Optional.empty();
    }
  }

  private static Optional<ApiError> metadata(JsonParser json, int status) throws IOException {
    Optional<String> requestId = Optional.empty();
    Optional<Fields> error = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if ("RequestId".equals(name) && value == JsonToken.VALUE_STRING) {
        requestId = Optional.of(json.getText()).filter(id -> !id.isBlank());
      } else if ("Error".equals(name) && value == JsonToken.START_OBJECT) {
        error = Optional.of(errorFields(json));
      } else {
        json.skipChildren();
      }
    }
    Optional<String> id = requestId;
    return error.filter(Fields::present).map(fields -> new ApiError(status,
        fields.code().or(fields::codeN).orElse("HTTP" + status), fields.message().orElse("(no message)"), id));
  }

  private static Fields errorFields(JsonParser json) throws IOException {
    Optional<String> code = Optional.empty();
    Optional<String> codeN = Optional.empty();
    Optional<String> message = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      Optional<String> text = value.isScalarValue() && value != JsonToken.VALUE_NULL
          ? Optional.of(json.getValueAsString()).filter(t -> !t.isBlank()) : Optional.empty();
      switch (name) {
        case "Code" -> code = text;
        case "CodeN" -> codeN = text;
        case "Message" -> message = text;
        default -> json.skipChildren();
      }
    }
    return new Fields(code, codeN, message);
  }

  /** What an {@code Error} object held; an empty one is no error. */
  private record Fields(Optional<String> code, Optional<String> codeN, Optional<String> message) {
    boolean present() {
      return code.isPresent() || codeN.isPresent() || message.isPresent();
    }
  }
}
