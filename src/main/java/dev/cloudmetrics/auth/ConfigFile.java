package dev.cloudmetrics.auth;

import dev.cloudmetrics.failure.BoundedInput;
import dev.cloudmetrics.failure.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cloudmetrics config file: INI sections {@code [default]}, {@code [profile NAME]} or
 * {@code [NAME]}, each with {@code key = value} lines; {@code #} and {@code ;} start comments.
 * Keys are case-insensitive. A line that is none of these is refused with its line number.
 */
public final class ConfigFile {
  /** One {@code key = value} line of a profile, with its 1-based line number. */
  public record Entry(String key, String value, int line) {}

  private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_.@-]+");
  private static final Pattern KEY = Pattern.compile("[a-z0-9_.-]+");

  private final Path path;
  private final Map<String, Map<String, Entry>> profiles;

  /** Profiles of a few keys each: a config file past this is not one (it may be /dev/zero). */
  private static final long MAX_BYTES = 1 << 20;

  private ConfigFile(Path path, Map<String, Map<String, Entry>> profiles) {
    this.path = path;
    this.profiles = profiles;
  }

  /** The file's profiles; a missing file has none. */
  public static ConfigFile read(Path path) {
    if (!Files.exists(path)) {
      return new ConfigFile(path, Map.of());
    }
    try (BufferedReader reader = BoundedInput.reader(Files.newInputStream(path), MAX_BYTES,
        "the config file " + path)) {
      return parse(path, reader.lines().toList());
    } catch (UncheckedIOException e) {
      throw new InvalidInputException("cannot read the config file " + path + " (" + e.getCause().getMessage() + ")");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read the config file " + path + " (" + e.getMessage() + ")");
    }
  }

  /** Reads {@code lines} as the text of {@code path}; messages name the file and the line, never a line's text. */
  public static ConfigFile parse(Path path, List<String> lines) {
    Map<String, Map<String, Entry>> profiles = new LinkedHashMap<>();
    Map<String, Entry> current = null;
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      // Notepad and other Windows editors start a UTF-8 file with a byte-order mark.
      String line = (i == 0 ? lines.get(i).replaceFirst("^\uFEFF", "") : lines.get(i)).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        current = profiles.computeIfAbsent(sectionName(path, number, line), n -> new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        // The line itself is not quoted: it may be a pasted secret.
        throw malformed(path, number, "expected '[profile NAME]' or 'key = value'");
      }
      String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (!KEY.matcher(key).matches()) {
        throw malformed(path, number, "a key is letters, digits, '_', '-' and '.' before the '='");
      }
      if (current == null) {
        throw malformed(path, number, "'key = value' before any section: put it under [default] or [profile NAME]");
      }
      Entry earlier = current.get(key);
      if (earlier != null) {
        throw malformed(path, number, "the same key as line " + earlier.line() + " in the same profile");
      }
      current.put(key, new Entry(key, line.substring(eq + 1).strip(), number));
    }
    return new ConfigFile(path, profiles);
  }

  /** The profile a section header names: {@code [default]}, {@code [profile NAME]} or {@code [NAME]}. */
  static String sectionName(Path path, int number, String header) {
    if (!header.endsWith("]")) {
      throw malformed(path, number, "a section header ends with ']'");
    }
    String name = header.substring(1, header.length() - 1).strip();
    if (name.startsWith("profile ")) {
      name = name.substring("profile ".length()).strip();
    }
    if (!PROFILE_NAME.matcher(name).matches()) {
      throw malformed(path, number, "a section is [default] or [profile NAME], NAME of letters, digits, '.', '_', '-', '@'");
    }
    return name;
  }

  /** Whether {@code name} can name a profile in the file. */
  public static boolean isProfileName(String name) {
    return PROFILE_NAME.matcher(name).matches();
  }

  private static InvalidInputException malformed(Path path, int line, String problem) {
    return new InvalidInputException("config file " + path + " line " + line + ": " + problem);
  }

  public Path path() {
    return path;
  }

  /** The profile's values by key. */
  public Optional<Map<String, String>> profile(String name) {
    return entries(name).map(entries -> {
      Map<String, String> values = new LinkedHashMap<>();
      entries.forEach((key, entry) -> values.put(key, entry.value()));
      return Map.copyOf(values);
    });
  }

  /** The profile's lines by key, in file order. */
  public Optional<Map<String, Entry>> entries(String name) {
    return Optional.ofNullable(profiles.get(name)).map(entries -> Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
  }
}
