package dev.cloudmetrics.failure;

import java.util.List;

/**
 * A value that passed validation, with notices the user should read on stderr (a bound that was
 * moved, an incomplete last bucket, an indicator the tool does not know).
 */
public record Validated<T>(T value, List<String> notices) {
  public Validated {
    notices = List.copyOf(notices);
  }
}
