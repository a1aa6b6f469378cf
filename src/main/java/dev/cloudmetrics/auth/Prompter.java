package dev.cloudmetrics.auth;

import java.util.Optional;

/** A terminal that asks questions: one answer a line, secrets typed without echo. Empty at end of input. */
public interface Prompter {
  Optional<String> line(String prompt);

  /** Like {@link #line}, but what is typed is not shown. */
  Optional<String> secret(String prompt);

  /** Tells the user something (e.g. why an answer was refused). */
  void say(String message);
}
