package dev.cloudmetrics.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code .pgpass} file read as libpq reads it: {@code host:port:database:username:password} lines,
 * {@code *} matching anything, {@code \:} and {@code \\} escapes, {@code #} comments, the first
 * matching line wins; a file that group or others can read is ignored, with a warning.
 */
final class PgPass {
  private PgPass() {}

  /** The password for these connection values, if the file has one; {@code warnings} hears why a file was ignored. */
  static Optional<String> find(Path file, String host, int port, String database, String user,
      java.util.function.Consumer<String> warnings) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
        warnings.accept("password file " + file + " is readable by group or others and is ignored, as libpq does "
            + "(chmod 0600 it)");
        return Optional.empty();
      }
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> fields = fields(line);
        if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1), Integer.toString(port))
            && matches(fields.get(2), database) && matches(fields.get(3), user)) {
          return Optional.of(fields.get(4));
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      warnings.accept("password file " + file + " cannot be read (" + e.getMessage() + ")");
    }
    return Optional.empty();
  }

  private static boolean matches(String field, String value) {
    return field.equals("*") || field.equals(value);
  }

  /** The colon-separated fields, escapes resolved; the password, last, keeps any further colons. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        field.append(line.charAt(++i));
      } else if (c == ':' && fields.size() < 4) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
