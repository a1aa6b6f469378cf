package dev.cloudmetrics.auth;

import dev.cloudmetrics.failure.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Changes one profile of the config file and leaves every other line (other profiles, comments,
 * blank lines) as it was: a changed key is rewritten in place, a removed key's line dropped, a
 * new key added at the end of the profile, a new profile appended to the file.
 */
public final class ProfileWriter {
  private ProfileWriter() {}

  /**
   * Applies {@code changes} (a value to set, or empty to remove the key) to {@code profile} of the
   * file at {@code path} and replaces the file atomically with mode 0600.
   */
  public static void write(Path path, String profile, Map<String, Optional<String>> changes) {
    try {
      List<String> lines = Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
      ConfigFile.parse(path, lines); // refuse to rewrite what cannot be read back
      PrivateFile.replace(path, String.join("\n", edit(path, lines, profile, changes)) + "\n");
    } catch (IOException e) {
      throw new InvalidInputException("cannot write the config file " + path + " (" + e.getMessage() + ")");
    }
  }

  /** The lines of the config file {@code path} after the changes; {@code lines} must parse. */
  static List<String> edit(Path path, List<String> lines, String profile, Map<String, Optional<String>> changes) {
    Map<String, Optional<String>> pending = new LinkedHashMap<>();
    changes.forEach((key, value) -> pending.put(key.toLowerCase(Locale.ROOT), value));
    List<String> result = new ArrayList<>();
    boolean inProfile = false;
    int endOfProfile = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      if (stripped.startsWith("[")) {
        inProfile = ConfigFile.sectionName(path, i + 1, stripped).equals(profile);
        if (inProfile) {
          endOfProfile = result.size() + 1;
        }
        result.add(line);
        continue;
      }
      int eq = stripped.indexOf('=');
      boolean entry = inProfile && eq > 0 && !stripped.startsWith("#") && !stripped.startsWith(";");
      String key = entry ? stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT) : "";
      if (entry && pending.containsKey(key)) {
        pending.remove(key).ifPresent(value -> result.add(key + " = " + value));
      } else {
        result.add(line);
      }
      if (entry) {
        endOfProfile = result.size(); // new keys go after the last key, before any comment on the next section
      }
    }
    List<String> added = new ArrayList<>();
    pending.forEach((key, value) -> value.ifPresent(v -> added.add(key + " = " + v)));
    if (endOfProfile >= 0) {
      result.addAll(endOfProfile, added);
    } else {
      if (!result.isEmpty() && !result.get(result.size() - 1).isBlank()) {
        result.add("");
      }
      result.add(ConfigSelection.DEFAULT_PROFILE.equals(profile) ? "[default]" : "[profile " + profile + "]");
      result.addAll(added);
    }
    return result;
  }
}
