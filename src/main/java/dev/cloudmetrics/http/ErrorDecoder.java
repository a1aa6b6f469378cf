package dev.cloudmetrics.http;

import dev.cloudmetrics.failure.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads an API's error envelope out of a response; empty when the response is not an error. */
public interface ErrorDecoder {
  /** Longest piece of an unreadable error body that goes into a message. */
  int EXCERPT_LENGTH = 200;

  Optional<ApiError> decode(ApiResponse response);

  /**
   * The error a response stands for when it carries no envelope the decoder can read: code
   * {@code HTTP<status>} and the start of the body on one line.
   */
  static ApiError fromStatus(ApiResponse response) {
    String text = new String(response.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    String excerpt = text.length() > EXCERPT_LENGTH ? text.substring(0, EXCERPT_LENGTH) + "..." : text;
    return new ApiError(response.status(), "HTTP" + response.status(),
        excerpt.isEmpty() ? "empty response body" : excerpt, Optional.empty());
  }
}
