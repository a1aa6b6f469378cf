package dev.cloudmetrics.http;

import dev.cloudmetrics.failure.ApiError;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/** What the transport tells about each attempt: nothing, one line per attempt, or everything (redacted). */
public interface RequestLog {

  /** One attempt of an action: the request as sent, and which attempt of how many it is. */
  record Attempt(String action, ApiRequest request, int number, int of) {}

  /** The request is about to go out. */
  default void sending(Attempt attempt) {}

  /** An answer came back; {@code error} is what the API's decoder found in it. */
  default void answered(Attempt attempt, ApiResponse response, Optional<ApiError> error, Duration elapsed) {}

  /** No answer: the connection failed or timed out. */
  default void failed(Attempt attempt, Exception failure, Duration elapsed) {}

  /** The transport waits this long before the next attempt. */
  default void waiting(String action, Duration delay) {}

  /** Something about an answer worth telling with --verbose, e.g. what was left out of it. */
  default void note(String text) {}

  static RequestLog silent() {
    return new RequestLog() {};
  }

  /** One line per attempt on {@code err}: method, action, status or failure, time taken. */
  static RequestLog verbose(PrintStream err) {
    return new AttemptLines(err);
  }

  /** The attempt lines plus each request and response in full, secrets masked. */
  static RequestLog debug(PrintStream err) {
    return new Exchanges(err);
  }
}
