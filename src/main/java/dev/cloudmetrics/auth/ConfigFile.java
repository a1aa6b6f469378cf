package dev.cloudmetrics.auth;

import dev.cloudmetrics.failure.CredentialsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cloudmetrics config file: INI sections {@code [default]}, {@code [profile NAME]} or
 * {@code [NAME]}, each with {@code key = value} lines; {@code #} and {@code ;} start comments.
 */
public final class ConfigFile {
  private final Path path;
  private final Map<String, Map<String, String>> profiles;

  private ConfigFile(Path path, Map<String, Map<String, String>> profiles) {
    this.path = path;
    this.profiles = profiles;
  }

  /** The file's profiles; a missing file has none. */
  public static ConfigFile read(Path path) {
    if (!Files.exists(path)) {
      return new ConfigFile(path, Map.of());
    }
    try {
      return new ConfigFile(path, parse(path, Files.readAllLines(path, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new CredentialsException("cannot read the config file " + path + " (" + e.getMessage() + ")");
    }
  }

  static Map<String, Map<String, String>> parse(Path path, List<String> lines) {
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String name = line.substring(1, line.length() - 1).strip();
        name = name.startsWith("profile ") ? name.substring("profile ".length()).strip() : name;
        current = profiles.computeIfAbsent(name, n -> new HashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (current == null || eq <= 0) {
        // The line number is enough to find it; the line itself may hold a secret.
        throw new CredentialsException("config file " + path + " line " + (i + 1)
            + ": expected '[profile NAME]' or 'key = value'");
      }
      current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
    }
    return profiles;
  }

  public Path path() {
    return path;
  }

  public Optional<Map<String, String>> profile(String name) {
    return Optional.ofNullable(profiles.get(name)).map(Map::copyOf);
  }
}
