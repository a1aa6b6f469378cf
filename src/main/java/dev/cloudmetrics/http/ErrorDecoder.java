package dev.cloudmetrics.http;

import dev.cloudmetrics.failure.ApiError;
import java.util.Optional;

/** Reads an API's error envelope out of a response; empty when the response is not an error. */
public interface ErrorDecoder {
  Optional<ApiError> decode(ApiResponse response);

  /**
   * The error a response stands for when it carries no envelope the decoder can read: code
   * {@code HTTP<status>} and what the body says in brief (a proxy's HTML page by its title);
   * --debug prints the whole body.
   */
  static ApiError fromStatus(ApiResponse response) {
    return new ApiError(response.status(), "HTTP" + response.status(), BodyExcerpt.brief(response.body()), Optional.empty());
  }
}
