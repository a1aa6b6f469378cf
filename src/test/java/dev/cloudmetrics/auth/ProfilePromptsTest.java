package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudmetrics.failure.InvalidInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** configure on a terminal: what is asked, how secrets are read, what Enter and '-' do, re-asking. */
class ProfilePromptsTest {
  /** A terminal that replays answers and records every prompt, marking those read without echo. */
  static final class ScriptedTerminal implements Prompter {
    final Deque<String> answers;
    final List<String> transcript = new ArrayList<>();

    ScriptedTerminal(String... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public Optional<String> line(String prompt) {
      transcript.add(prompt);
      return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<String> secret(String prompt) {
      transcript.add("(no echo) " + prompt);
      return Optional.ofNullable(answers.poll());
    }

    @Override
    public void say(String message) {
      transcript.add(message);
    }
  }

  static final List<ProfileQuestion> QUESTIONS = List.of(
      new ProfileQuestion("ksyun_access_key", "Kingsoft Cloud access key ID", false, Optional.of("AKLTcurrent"), "not set"),
      new ProfileQuestion("ksyun_secret_key", "Kingsoft Cloud secret access key", true, Optional.of("current-secret"), "not set"),
      new ProfileQuestion("format", "format (csv, json)", false, Optional.empty(), "not set"),
      new ProfileQuestion("tz", "tz", false, Optional.of("UTC"), "not set"));

  static final SettingCheck CHECK = ProfileAnswersTest.CHECK;

  @Test
  void secretsAreReadWithoutEchoAndCurrentValuesShownMasked() {
    ScriptedTerminal terminal = new ScriptedTerminal("", "new-secret", "xml", "csv", "-");

    Map<String, Optional<String>> changes = ProfilePrompts.ask(QUESTIONS, terminal, CHECK);

    Map<String, Optional<String>> expected = new LinkedHashMap<>();
    expected.put("ksyun_secret_key", Optional.of("new-secret"));
    expected.put("format", Optional.of("csv"));
    expected.put("tz", Optional.empty());
    assertEquals(expected, changes);
    assertEquals(List.of(
        "Enter keeps the value in [brackets], '-' removes it.",
        "Kingsoft Cloud access key ID [AKLT****]: ",
        "(no echo) Kingsoft Cloud secret access key [****]: ",
        "format (csv, json) [not set]: ",
        "format: not csv or json",
        "format (csv, json) [not set]: ",
        "tz [UTC]: "), terminal.transcript);
  }

  @Test
  void theEndOfInputStopsWithoutChanges() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ProfilePrompts.ask(QUESTIONS, new ScriptedTerminal("AKLTx"), CHECK));

    assertEquals("configure: input ended before the last question; nothing was written", e.getMessage());
  }
}
