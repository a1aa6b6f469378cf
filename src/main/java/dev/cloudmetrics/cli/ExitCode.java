package dev.cloudmetrics.cli;

/** The exit codes of cli.md, the contract scripts are written against. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int INVALID_INPUT = 2;
  public static final int CREDENTIALS = 3;
  public static final int API_REJECTED = 4;
  public static final int SERVICE_FAILED = 5;
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
