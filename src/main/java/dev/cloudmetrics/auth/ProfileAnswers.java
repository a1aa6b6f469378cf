package dev.cloudmetrics.auth;

import dev.cloudmetrics.failure.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The answers {@code configure} reads when stdin is not a terminal: {@code key = value} lines, the
 * keys of a profile section; {@code key =} removes the key; blank lines and {@code #} comments are
 * skipped. Keys not given stay as they are.
 */
public final class ProfileAnswers {
  private ProfileAnswers() {}

  /** The changes the lines ask for; a line that is not a known key with an acceptable value stops it all. */
  public static Map<String, Optional<String>> read(Reader input, SettingCheck check) {
    Map<String, Optional<String>> changes = new LinkedHashMap<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    try (BufferedReader reader = new BufferedReader(input)) {
      int number = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        number++;
        String stripped = line.strip();
        if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
          continue;
        }
        int eq = stripped.indexOf('=');
        if (eq <= 0) {
          // Never quote the line: it may be a secret typed without its key.
          throw refused(number, "expected 'key = value' (the keys of a profile, e.g. 'format = csv')");
        }
        String key = stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = stripped.substring(eq + 1).strip();
        Integer earlier = seen.put(key, number);
        if (earlier != null) {
          throw refused(number, "the same key as line " + earlier);
        }
        Optional<String> problem = value.isEmpty() ? check.unknown(key) : check.problem(key, value);
        if (problem.isPresent()) {
          throw refused(number, problem.get());
        }
        changes.put(key, value.isEmpty() ? Optional.empty() : Optional.of(value));
      }
    } catch (IOException e) {
      throw new InvalidInputException("configure: cannot read stdin (" + e.getMessage() + ")");
    }
    return changes;
  }

  private static InvalidInputException refused(int line, String problem) {
    return new InvalidInputException("configure: stdin line " + line + ": " + problem + "; nothing was written");
  }
}
