package dev.cloudmetrics.auth;

import java.util.Optional;

/** What a profile may hold: which keys name a setting, and which values each accepts. */
public interface SettingCheck {
  /** Empty when {@code key} names a setting, else why it does not (without quoting it: it may be a pasted secret). */
  Optional<String> unknown(String key);

  /** Empty when {@code key} (a known key) accepts {@code value}, else why not. */
  Optional<String> invalid(String key, String value);

  /** The first problem with {@code key = value}, if any. */
  default Optional<String> problem(String key, String value) {
    return unknown(key).or(() -> invalid(key, value));
  }
}
