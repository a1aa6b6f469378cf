package dev.cloudmetrics.failure;

/** Ctrl-C or SIGTERM stopped a run; the message says what was written and how to carry on. */
public final class RunInterruptedException extends CloudMetricsException {
  public RunInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
