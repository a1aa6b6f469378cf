package dev.cloudmetrics.auth;

import java.io.Console;
import java.util.Optional;

/** The process's terminal ({@link System#console()}): secrets are read with echo turned off. */
public final class ConsolePrompter implements Prompter {
  private final Console console;

  public ConsolePrompter(Console console) {
    this.console = console;
  }

  @Override
  public Optional<String> line(String prompt) {
    return Optional.ofNullable(console.readLine("%s", prompt));
  }

  @Override
  public Optional<String> secret(String prompt) {
    return Optional.ofNullable(console.readPassword("%s", prompt)).map(String::new);
  }

  @Override
  public void say(String message) {
    console.printf("%s%n", message);
    console.flush();
  }
}
