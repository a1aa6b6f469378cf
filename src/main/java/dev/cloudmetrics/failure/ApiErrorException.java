package dev.cloudmetrics.failure;

/** The API answered with an error envelope (after any retries). */
public final class ApiErrorException extends CloudMetricsException {
  private final ApiError error;

  public ApiErrorException(ApiError error) {
    super(error.describe(), null);
    this.error = error;
  }

  public ApiError error() {
    return error;
  }
}
