package dev.cloudmetrics.cli;

import dev.cloudmetrics.failure.ApiErrorException;
import dev.cloudmetrics.failure.CredentialsException;
import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.OutputFailedException;
import dev.cloudmetrics.failure.RunInterruptedException;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.http.Redaction;
import dev.cloudmetrics.output.TerminalText;
import java.io.PrintStream;
import picocli.CommandLine;

/**
 * Turns whatever a command threw into one line on stderr and the exit code of cli.md, so that no
 * command catches its own failures and no user sees a stack trace (unless --debug asks for it).
 */
final class FailureReporter
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  static final String ISSUES_URL = "https://github.com/cloudmetrics/cloudmetrics/issues";

  private final PrintStream err;

  FailureReporter(PrintStream err) {
    this.err = err;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    return report(ex, err, debugRequested(parseResult));
  }

  /** A usage error: one line naming the problem (and the closest name, for a typo), one line saying where help is. */
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    err.println("cloudmetrics: " + shown(UsageErrors.describe(ex)));
    err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCode.INVALID_INPUT;
  }

  static int report(Throwable ex, PrintStream err, boolean debug) {
    int code;
    String line;
    if (ex instanceof InvalidInputException e) {
      code = ExitCode.INVALID_INPUT;
      line = e.apiCode().map(c -> c + ": ").orElse("") + e.getMessage();
    } else if (ex instanceof CredentialsException e) {
      code = ExitCode.CREDENTIALS;
      line = e.getMessage();
    } else if (ex instanceof ApiErrorException e) {
      code = e.error().isAuthFailure() ? ExitCode.CREDENTIALS
          : e.error().isTransient() || e.error().httpStatus() >= 500 ? ExitCode.SERVICE_FAILED
          : ExitCode.API_REJECTED;
      line = e.getMessage();
    } else if (ex instanceof ServiceFailureException e) {
      code = ExitCode.SERVICE_FAILED;
      line = e.getMessage();
    } else if (ex instanceof OutputFailedException e) {
      if (e.readerGone()) {
        // '| head -1' has what it wanted: like the watch, end quietly with 0 (README, "Exit codes").
        return ExitCode.OK;
      }
      code = ExitCode.SERVICE_FAILED;
      line = e.getMessage();
    } else if (ex instanceof RunInterruptedException e) {
      code = ExitCode.INTERRUPTED;
      line = e.getMessage();
    } else if (ex instanceof InterruptedException) {
      code = ExitCode.INTERRUPTED;
      line = "interrupted";
    } else {
      code = ExitCode.INTERNAL;
      line = "internal error (" + ex.getClass().getName() + ": " + ex.getMessage()
          + "); this is a bug, please report it with the command you ran at " + ISSUES_URL;
    }
    err.println("cloudmetrics: " + shown(line));
    if (debug) {
      // Exception messages may quote a header value (the JDK's complaint about one does): redacted here too.
      java.io.StringWriter trace = new java.io.StringWriter();
      ex.printStackTrace(new java.io.PrintWriter(trace));
      trace.toString().lines().forEach(traceLine -> err.println(shown(traceLine)));
    }
    err.flush();
    return code;
  }

  /**
   * A failure's line as it may be shown: much of it came from a server or the JDK (an error body, a
   * header value in an exception), so secrets are masked as in the request log and control
   * characters escaped, and the line stays one line that nothing can forge a second one into.
   */
  static String shown(String line) {
    return TerminalText.escape(Redaction.text(String.valueOf(line)));
  }

  private static boolean debugRequested(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
