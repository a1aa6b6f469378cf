package dev.cloudmetrics.http;

import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.output.TerminalText;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The --debug log: the attempt lines plus every request and response, bodies cut at 64 KiB. What
 * the server sent is redacted as the request is (it may echo the request's headers) and its
 * control characters escaped, each of its lines behind "< ".
 */
final class Exchanges extends AttemptLines {
  static final int LONGEST_BODY = 64 * 1024;

  Exchanges(PrintStream err) {
    super(err);
  }

  @Override
  public void sending(Attempt attempt) {
    StringBuilder text = new StringBuilder();
    RequestPrinter.text(attempt.request()).lines().forEach(line -> text.append("> ").append(line).append('\n'));
    err.print(text);
    err.flush();
  }

  @Override
  public void answered(Attempt attempt, ApiResponse response, Optional<ApiError> error, Duration elapsed) {
    StringBuilder text = new StringBuilder("< ").append(response.status()).append('\n');
    response.headers().forEach((name, values) -> values.forEach(value ->
        text.append("< ").append(name).append(": ")
            .append(shown(Redaction.headerValue(name, value), attempt)).append('\n')));
    text.append("<\n");
    Redaction.jsonBody(body(response.body())).lines().forEach(line -> text.append("< ").append(shown(line, attempt)).append('\n'));
    err.print(text);
    super.answered(attempt, response, error, elapsed);
  }

  private static String shown(String fromServer, Attempt attempt) {
    return TerminalText.escape(Redaction.text(fromServer, attempt.request()));
  }

  private static String body(byte[] body) {
    if (body.length <= LONGEST_BODY) {
      return new String(body, StandardCharsets.UTF_8);
    }
    return new String(Arrays.copyOf(body, LONGEST_BODY), StandardCharsets.UTF_8)
        + "... (" + (body.length - LONGEST_BODY) + " more bytes)";
  }
}
