package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudmetrics.failure.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** configure's write: one profile changed, everything else kept, mode 0600, all or nothing. */
class ProfileWriterTest {
  static final String FILE = """
      # cloudmetrics settings
      [default]
      ksyun_access_key = AKLTold
      ksyun_secret_key = old-secret
      format = table

      # staging keys, from the vault
      [profile staging]
      ksyun_access_key = AKLTstaging
      ksyun_secret_key = staging-secret
      """;

  @TempDir Path directory;

  static Map<String, Optional<String>> changes(String... keysAndValues) {
    Map<String, Optional<String>> changes = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      changes.put(keysAndValues[i], Optional.ofNullable(keysAndValues[i + 1]));
    }
    return changes;
  }

  @Test
  void changesOneProfileInPlaceAndKeepsOtherProfilesAndComments() {
    List<String> edited = ProfileWriter.edit(directory.resolve("config"), FILE.lines().toList(), "default",
        changes("ksyun_secret_key", "new-secret", "format", null, "tz", "Asia/Shanghai"));

    assertEquals("""
        # cloudmetrics settings
        [default]
        ksyun_access_key = AKLTold
        ksyun_secret_key = new-secret
        tz = Asia/Shanghai

        # staging keys, from the vault
        [profile staging]
        ksyun_access_key = AKLTstaging
        ksyun_secret_key = staging-secret
        """, String.join("\n", edited) + "\n");
  }

  @Test
  void aNewProfileIsAppendedAsProfileName() {
    List<String> edited = ProfileWriter.edit(directory.resolve("config"), FILE.lines().toList(), "prod", changes("rtc.region", "ap-singapore-1"));

    assertEquals(FILE + "\n[profile prod]\nrtc.region = ap-singapore-1\n", String.join("\n", edited) + "\n");
  }

  @Test
  void writesANewFileInNewDirectoriesReadableOnlyByItsOwner() throws IOException {
    Path config = directory.resolve("xdg/cloudmetrics/config");

    ProfileWriter.write(config, "default", changes("ksyun_access_key", "AKLTnew", "ksyun_secret_key", "s"));

    assertEquals("[default]\nksyun_access_key = AKLTnew\nksyun_secret_key = s\n", Files.readString(config));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.getParent())));
  }

  @Test
  void replacesAnOpenFileWholeAndTightensItsMode() throws IOException {
    Path config = directory.resolve("config");
    Files.writeString(config, FILE, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

    ProfileWriter.write(config, "staging", changes("format", "csv"));

    assertEquals(FILE.replace("staging-secret\n", "staging-secret\nformat = csv\n"), Files.readString(config));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of(config), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void writesThroughASymbolicLinkToItsTarget() throws IOException {
    Path real = directory.resolve("dotfiles/cloudmetrics.ini");
    Files.createDirectories(real.getParent());
    Files.writeString(real, "[default]\n");
    Path link = Files.createSymbolicLink(directory.resolve("config"), real);

    ProfileWriter.write(link, "default", changes("format", "csv"));

    assertEquals("[default]\nformat = csv\n", Files.readString(real));
    assertEquals(true, Files.isSymbolicLink(link));
  }

  @Test
  void refusesToRewriteAFileItCannotReadLeavingItAsItWas() throws IOException {
    Path config = directory.resolve("config");
    Files.writeString(config, "[default]\nnot a setting\n");

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ProfileWriter.write(config, "default", changes("format", "csv")));

    assertEquals("config file " + config + " line 2: expected '[profile NAME]' or 'key = value'", e.getMessage());
    assertEquals("[default]\nnot a setting\n", Files.readString(config));
  }
}
