package dev.cloudmetrics.failure;

/** Base of every failure the tool reports to its user; the CLI maps each kind to an exit code. */
public abstract sealed class CloudMetricsException extends RuntimeException
    permits InvalidInputException, CredentialsException, ApiErrorException, ServiceFailureException,
    RunInterruptedException {

  protected CloudMetricsException(String message, Throwable cause) {
    super(message, cause);
  }
}
