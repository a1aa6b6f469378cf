package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.CredentialsException;
import dev.cloudmetrics.failure.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void anUnknownProfileIsACredentialsProblemThatSaysHowToAddIt() throws IOException {
    config(FILE);
    CredentialsException missing = assertThrows(CredentialsException.class,
        () -> new CredentialSources(Map.of(), Optional.of("staging"), Optional.empty(), home).volcengine());

    assertTrue(missing.getMessage().contains("'staging'"), missing.getMessage());
    assertTrue(missing.getMessage().contains("cloudmetrics configure --profile staging"), missing.getMessage());
  }

  @Test
  void aMalformedFileIsInvalidInputNamingFileAndLineButNotTheLine() throws IOException {
    Path file = config("volcengine_secret_key = leaked\n");

    InvalidInputException malformed = assertThrows(InvalidInputException.class,
        () -> new CredentialSources(Map.of(), Optional.empty(), Optional.empty(), home).volcengine());

    assertTrue(malformed.getMessage().contains(file + " line 1"), malformed.getMessage());
    assertFalse(malformed.getMessage().contains("leaked"));
  }

  @Test
  void describeMasksEveryKeyAndNamesEachSource() throws IOException {
    config(FILE);
    CredentialSources.Report report = new CredentialSources(Map.of("KSYUN_ACCESS_KEY", "AKLTenvironment",
        "KSYUN_SECRET_KEY", "env-secret"), Optional.empty(), Optional.empty(), home).describe();

    assertEquals(List.of(
        new Setting("volcengine_access_key", "AKLT****", "profile default"),
        new Setting("volcengine_secret_key", "****", "profile default"),
        Setting.unset("volcengine_session_token"),
        new Setting("ksyun_access_key", "AKLT****", "env KSYUN_ACCESS_KEY"),
        new Setting("ksyun_secret_key", "****", "env KSYUN_SECRET_KEY")), report.settings());
    assertEquals(List.of(), report.problems());
  }

  @Test
  void describeOfANamedProfileShowsItsTokenMaskedAndWhatIsMissing() throws IOException {
    config(FILE);
    CredentialSources.Report report = new CredentialSources(Map.of("CLOUDMETRICS_PROFILE", "prod"),
        Optional.empty(), Optional.empty(), home).describe();

    assertEquals(new Setting("volcengine_session_token", "****", "profile prod"), report.settings().get(2));
    assertEquals(Setting.unset("ksyun_access_key"), report.settings().get(3));
    assertEquals(1, report.problems().size());
    assertTrue(report.problems().get(0).contains("no Kingsoft Cloud keys"), report.problems().get(0));
    String shown = report.settings().toString();
    assertFalse(shown.contains("prod-secret") || shown.contains("prod-token") || shown.contains("AKLTprod"), shown);
  }
}
