package dev.cloudmetrics.failure;

/** Credentials are missing locally (the API never saw a request). */
public final class CredentialsException extends CloudMetricsException {
  public CredentialsException(String message) {
    super(message, null);
  }
}
