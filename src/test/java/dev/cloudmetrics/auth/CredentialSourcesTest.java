package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.CredentialsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order of cli.md: --profile, then the environment, then the config file's default profile. */
class CredentialSourcesTest {
  @TempDir Path home;

  Path config(String text) throws IOException {
    Path file = home.resolve(".config/cloudmetrics/config");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  static final String FILE = """
      # keys for cloudmetrics
      [default]
      volcengine_access_key = AKLTdefault
      volcengine_secret_key = default-secret
      ksyun_access_key = AKLTksdefault
      ksyun_secret_key = ks-default-secret

      [profile prod]
      volcengine_access_key = AKLTprod
      volcengine_secret_key = prod-secret
      volcengine_session_token = prod-token
      """;

  @Test
  void aNamedProfileWinsOverTheEnvironment() throws IOException {
    config(FILE);
    CredentialSources sources = new CredentialSources(
        Map.of("VOLCENGINE_ACCESS_KEY", "AKLTenv", "VOLCENGINE_SECRET_KEY", "env-secret"), Optional.of("prod"), Optional.empty(), home);

    Credentials credentials = sources.volcengine();
    assertEquals("AKLTprod", credentials.accessKeyId());
    assertEquals(Optional.of("prod-token"), credentials.sessionToken());
  }

  @Test
  void theProfileCanComeFromTheEnvironment() throws IOException {
    config(FILE);
    CredentialSources sources = new CredentialSources(Map.of("CLOUDMETRICS_PROFILE", "prod"), Optional.empty(), Optional.empty(), home);

    assertEquals("AKLTprod", sources.volcengine().accessKeyId());
  }

  @Test
  void theEnvironmentWinsOverTheDefaultProfile() throws IOException {
    config(FILE);
    CredentialSources sources = new CredentialSources(Map.of("VOLC_ACCESSKEY", "AKLTold", "VOLC_SECRETKEY", "old-secret"),
        Optional.empty(), Optional.empty(), home);

    assertEquals("AKLTold", sources.volcengine().accessKeyId());
    assertEquals("AKLTksdefault", sources.ksyun().accessKeyId());
  }

  @Test
  void xdgConfigHomeAndConfigFlagMoveTheFile() throws IOException {
    Path xdg = home.resolve("xdg");
    Files.createDirectories(xdg.resolve("cloudmetrics"));
    Files.writeString(xdg.resolve("cloudmetrics/config"), "[default]\nksyun_access_key=AKLTxdg\nksyun_secret_key=s\n");
    Path explicit = home.resolve("other.ini");
    Files.writeString(explicit, "[default]\nksyun_access_key=AKLTflag\nksyun_secret_key=s\n");

    assertEquals("AKLTxdg", new CredentialSources(Map.of("XDG_CONFIG_HOME", xdg.toString()), Optional.empty(), Optional.empty(), home)
        .ksyun().accessKeyId());
    assertEquals("AKLTflag", new CredentialSources(Map.of("XDG_CONFIG_HOME", xdg.toString()), Optional.empty(), Optional.of(explicit), home)
        .ksyun().accessKeyId());
  }

  @Test
  void nothingFoundSaysWhatToSet() {
    CredentialsException e = assertThrows(CredentialsException.class,
        () -> new CredentialSources(Map.of(), Optional.empty(), Optional.empty(), home).ksyun());

    assertTrue(e.getMessage().contains("KSYUN_ACCESS_KEY") && e.getMessage().contains("KSYUN_SECRET_KEY"), e.getMessage());
    assertTrue(e.getMessage().contains(home.resolve(".config/cloudmetrics/config").toString()), e.getMessage());
  }

  @Test
  void halfAKeyPairIsAnErrorThatNeverEchoesTheSecret() {
    CredentialsException e = assertThrows(CredentialsException.class, () -> new CredentialSources(
        Map.of("KSYUN_SECRET_KEY", "top-secret"), Optional.empty(), Optional.empty(), home).ksyun());

    assertTrue(e.getMessage().startsWith("KSYUN_ACCESS_KEY is not set"), e.getMessage());
    assertFalse(e.getMessage().contains("top-secret"));
  }

  @Test
  void anUnknownProfileOrAMalformedFileIsNamed() throws IOException {
    config(FILE);
    CredentialsException missing = assertThrows(CredentialsException.class,
        () -> new CredentialSources(Map.of(), Optional.of("staging"), Optional.empty(), home).volcengine());
    assertTrue(missing.getMessage().contains("'staging'"), missing.getMessage());

    config("volcengine_secret_key = leaked\n");
    CredentialsException malformed = assertThrows(CredentialsException.class,
        () -> new CredentialSources(Map.of(), Optional.empty(), Optional.empty(), home).volcengine());
    assertTrue(malformed.getMessage().contains("line 1"), malformed.getMessage());
    assertFalse(malformed.getMessage().contains("leaked"));
  }
}
