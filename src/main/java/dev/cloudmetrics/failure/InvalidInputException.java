package dev.cloudmetrics.failure;

import java.util.Optional;

/**
 * Input refused before anything was sent. {@code apiCode} is the error code the API itself would
 * answer with, where its documentation gives one (e.g. {@code InvalidGranularity}).
 */
public final class InvalidInputException extends CloudMetricsException {
  private final String apiCode;

  public InvalidInputException(String message) {
    this(null, message);
  }

  public InvalidInputException(String apiCode, String message) {
    super(message, null);
    this.apiCode = apiCode;
  }

  public Optional<String> apiCode() {
    return Optional.ofNullable(apiCode);
  }
}
