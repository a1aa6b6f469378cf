package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which modes of a config file are worth a warning. */
class PrivateFileTest {
  @TempDir Path directory;

  @ParameterizedTest
  @CsvSource({
      "rw-------, ''",
      "r--------, ''",
      "rw-r--r--, accessible to group and others (mode 0644)",
      "rw-r-----, accessible to its group (mode 0640)",
      "rw----rw-, accessible to others (mode 0606)",
  })
  void exposureNamesWhoCanReadIt(String mode, String expected) throws IOException {
    Path file = Files.writeString(directory.resolve("config"), "[default]\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

    assertEquals(expected.isEmpty() ? Optional.empty() : Optional.of(expected), PrivateFile.exposure(file));
  }
}
