package dev.cloudmetrics.http;

import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.output.TerminalText;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/** The --verbose log: {@code cloudmetrics: POST Action 200 in 35 ms (attempt 1 of 5)}. */
class AttemptLines implements RequestLog {
  protected final PrintStream err;

  AttemptLines(PrintStream err) {
    this.err = err;
  }

  @Override
  public void answered(Attempt attempt, ApiResponse response, Optional<ApiError> error, Duration elapsed) {
    line(attempt, response.status() + error.map(e -> " " + TerminalText.escape(e.code())).orElse("") + " in " + elapsed.toMillis() + " ms");
  }

  @Override
  public void failed(Attempt attempt, Exception failure, Duration elapsed) {
    String reason = failure.getMessage() == null ? ""
        : ": " + TerminalText.escape(Redaction.text(failure.getMessage(), attempt.request()));
    line(attempt, "failed after " + elapsed.toMillis() + " ms (" + failure.getClass().getSimpleName() + reason + ")");
  }

  @Override
  public void waiting(String action, Duration delay) {
    err.println("cloudmetrics: retrying " + action + " in " + delay.toMillis() + " ms");
    err.flush();
  }

  @Override
  public void note(String text) {
    err.println("cloudmetrics: note: " + TerminalText.escape(text));
    err.flush();
  }

  private void line(Attempt attempt, String outcome) {
    err.println("cloudmetrics: " + attempt.request().method() + " " + attempt.action() + " " + outcome
        + " (attempt " + attempt.number() + " of " + attempt.of() + ")");
    err.flush();
  }
}
