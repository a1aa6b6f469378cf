package dev.cloudmetrics.auth;

/** One effective setting as {@code configure list} shows it: its name, its value (masked if secret) and where it came from. */
public record Setting(String name, String value, String source) {
  /** The value shown for a setting that has none. */
  public static final String NONE = "-";

  public static Setting unset(String name) {
    return new Setting(name, NONE, NONE);
  }
}
