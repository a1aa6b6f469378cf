package dev.cloudmetrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The project version Maven wrote into the jar's resources, for --version and the User-Agent. */
public final class Version {
  private Version() {}

  /** The version, or "dev" when run from classes that Maven did not filter (an IDE). */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/cloudmetrics/version.txt")) {
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return text.isEmpty() || text.contains("${") ? "dev" : text;
    } catch (IOException e) {
      return "dev";
    }
  }
}
