package dev.cloudmetrics.failure;

/** The service or the network failed: timeouts, resets, a body that is not what the API sends. */
public final class ServiceFailureException extends CloudMetricsException {
  public ServiceFailureException(String message) {
    super(message, null);
  }

  public ServiceFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
