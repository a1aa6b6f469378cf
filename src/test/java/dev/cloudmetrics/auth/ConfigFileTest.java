package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The config file's grammar: what it reads, and the line-numbered refusal of what it cannot. */
class ConfigFileTest {
  static final Path FILE = Path.of("/home/someone/.config/cloudmetrics/config");

  @Test
  void sectionsKeysCommentsAndLineNumbers() {
    ConfigFile file = ConfigFile.parse(FILE, List.of(
        "# a comment", "[default]", "Format = csv", "; another", "", "[profile prod]", "  tz=Asia/Shanghai  ", "[staging]", "a.b_c-d ="));

    assertEquals(Optional.of(Map.of("format", "csv")), file.profile("default"));
    assertEquals(new ConfigFile.Entry("tz", "Asia/Shanghai", 7), file.entries("prod").orElseThrow().get("tz"));
    assertEquals(Optional.of(Map.of("a.b_c-d", "")), file.profile("staging"));
    assertEquals(Optional.empty(), file.profile("missing"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[default]|AKLTpastedsecretvalue|2|expected '[profile NAME]' or 'key = value'",
      "[default]|[profile prod|2|ends with ']'",
      "[default]|[profile my prod]|2|a section is [default] or [profile NAME]",
      "ksyun_secret_key = s3cr3t|[default]|1|before any section",
      "[default]|my key = s3cr3t|2|a key is letters",
      "[default]|=s3cr3t|2|a key is letters",
  })
  void malformedLinesNameFileAndLineButNeverQuoteTheLine(String first, String second, int line, String problem) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ConfigFile.parse(FILE, List.of(first, second)));

    assertTrue(e.getMessage().startsWith("config file " + FILE + " line " + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t") || e.getMessage().contains("AKLTpasted"), e.getMessage());
  }

  @Test
  void aKeyTwiceInOneProfileNamesBothLines() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ConfigFile.parse(FILE, List.of("[default]", "format = csv", "[profile x]", "[default]", "FORMAT = json")));

    assertEquals("config file " + FILE + " line 5: the same key as line 2 in the same profile", e.getMessage());
  }

  @Test
  void aMissingFileHasNoProfiles(@TempDir Path directory) {
    assertEquals(Optional.empty(), ConfigFile.read(directory.resolve("none")).profile("default"));
  }
}
