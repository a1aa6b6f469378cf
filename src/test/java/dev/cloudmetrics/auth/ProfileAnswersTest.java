package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cloudmetrics.failure.InvalidInputException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stdin of configure: key = value lines, checked line by line, never echoing a value. */
class ProfileAnswersTest {
  /** Knows three keys; format must be csv or json. */
  static final SettingCheck CHECK = new SettingCheck() {
    @Override
    public Optional<String> unknown(String key) {
      return Set.of("ksyun_access_key", "ksyun_secret_key", "format").contains(key) ? Optional.empty() : Optional.of("unknown key");
    }

    @Override
    public Optional<String> invalid(String key, String value) {
      return key.equals("format") && !Set.of("csv", "json").contains(value) ? Optional.of("format: not csv or json") : Optional.empty();
    }
  };

  static Map<String, Optional<String>> read(String text) {
    return ProfileAnswers.read(new StringReader(text), CHECK);
  }

  @Test
  void keyValueLinesInOrderAnEmptyValueRemoves() {
    Map<String, Optional<String>> expected = new LinkedHashMap<>();
    expected.put("ksyun_access_key", Optional.of("AKLTnew"));
    expected.put("ksyun_secret_key", Optional.of("a=b/c+d"));
    expected.put("format", Optional.empty());

    assertEquals(expected, read("# answers\nKSYUN_ACCESS_KEY = AKLTnew\n\nksyun_secret_key=a=b/c+d\nformat =\n"));
  }

  @Test
  void aBadLineStopsEverythingNamingTheLineOnly() {
    InvalidInputException noKey = assertThrows(InvalidInputException.class, () -> read("format = csv\ns3cr3t-without-key\n"));
    InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> read("s3cr3t = x\n"));
    InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> read("\nformat = xml\n"));
    InvalidInputException twice = assertThrows(InvalidInputException.class, () -> read("format = csv\nformat = json\n"));

    assertEquals("configure: stdin line 2: expected 'key = value' (the keys of a profile, e.g. 'format = csv'); nothing was written",
        noKey.getMessage());
    assertFalse(noKey.getMessage().contains("s3cr3t") || unknown.getMessage().contains("s3cr3t"), unknown.getMessage());
    assertEquals("configure: stdin line 1: unknown key; nothing was written", unknown.getMessage());
    assertEquals("configure: stdin line 2: format: not csv or json; nothing was written", invalid.getMessage());
    assertEquals("configure: stdin line 2: the same key as line 1; nothing was written", twice.getMessage());
  }
}
