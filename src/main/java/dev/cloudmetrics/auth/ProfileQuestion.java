package dev.cloudmetrics.auth;

import java.util.Optional;

/**
 * One question of {@code configure} on a terminal: the key it sets, how to ask, whether the answer
 * is secret, the profile's current value and what applies when the key is not set.
 */
public record ProfileQuestion(String key, String label, boolean secret, Optional<String> current, String otherwise) {
  /** What the prompt shows in brackets: the current value (masked if it is a credential) or what applies without one. */
  public String shown() {
    if (current.isEmpty()) {
      return otherwise;
    }
    if (secret) {
      return Credentials.MASK;
    }
    return key.endsWith("_access_key") ? Credentials.maskKeyId(current.get()) : current.get();
  }
}
