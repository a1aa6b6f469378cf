package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with a golden file under src/test/resources; on a difference it also
 * writes what was rendered to target/golden-actual/, so that a deliberate change can be reviewed
 * and copied over.
 */
final class Golden {
  private Golden() {}

  static void assertMatches(String name, String rendered) {
    String golden = read(name);
    if (!rendered.equals(golden)) {
      Path actual = Path.of("target", "golden-actual", name);
      try {
        Files.createDirectories(actual.getParent());
        Files.writeString(actual, rendered, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertEquals(golden, rendered, name + " differs; the rendered text is in " + actual);
    }
  }

  private static String read(String name) {
    try (InputStream in = Golden.class.getResourceAsStream(name)) {
      return in == null ? "(no golden file " + name + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
