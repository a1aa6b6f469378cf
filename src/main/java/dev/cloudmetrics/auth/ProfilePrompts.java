package dev.cloudmetrics.auth;

import dev.cloudmetrics.failure.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The questions of {@code configure} on a terminal, one after the other: Enter keeps the value in
 * brackets, {@code -} removes it, anything else is checked and asked again until it is acceptable.
 */
public final class ProfilePrompts {
  /** The answer that removes a key from the profile. */
  public static final String REMOVE = "-";

  private ProfilePrompts() {}

  /** The changes the answers ask for; the end of input (Ctrl-D) stops it all, nothing changed. */
  public static Map<String, Optional<String>> ask(List<ProfileQuestion> questions, Prompter prompter, SettingCheck check) {
    prompter.say("Enter keeps the value in [brackets], '" + REMOVE + "' removes it.");
    Map<String, Optional<String>> changes = new LinkedHashMap<>();
    for (ProfileQuestion question : questions) {
      String prompt = question.label() + " [" + question.shown() + "]: ";
      while (true) {
        String answer = (question.secret() ? prompter.secret(prompt) : prompter.line(prompt))
            .orElseThrow(() -> new InvalidInputException("configure: input ended before the last question; nothing was written"))
            .strip();
        if (answer.isEmpty()) {
          break;
        }
        if (answer.equals(REMOVE)) {
          question.current().ifPresent(value -> changes.put(question.key(), Optional.empty()));
          break;
        }
        Optional<String> problem = check.invalid(question.key(), answer);
        if (problem.isEmpty()) {
          changes.put(question.key(), Optional.of(answer));
          break;
        }
        prompter.say(problem.get());
      }
    }
    return changes;
  }
}
