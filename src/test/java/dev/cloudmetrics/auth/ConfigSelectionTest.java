package dev.cloudmetrics.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** flag > env > default for the two settings that choose where every other setting comes from. */
class ConfigSelectionTest {
  static final Path HOME = Path.of("/home/someone");
  static final Map<String, String> ENVIRONMENT = Map.of("CLOUDMETRICS_PROFILE", "from-env", "XDG_CONFIG_HOME", "/xdg");

  @Test
  void theFlagsWin() {
    assertEquals(new ConfigSelection("from-flag", "flag --profile", Path.of("/etc/cm.ini"), "flag --config"),
        ConfigSelection.resolve(Optional.of("from-flag"), Optional.of(Path.of("/etc/cm.ini")), ENVIRONMENT, HOME));
  }

  @Test
  void thenTheEnvironment() {
    assertEquals(new ConfigSelection("from-env", "env CLOUDMETRICS_PROFILE", Path.of("/xdg/cloudmetrics/config"), "env XDG_CONFIG_HOME"),
        ConfigSelection.resolve(Optional.empty(), Optional.empty(), ENVIRONMENT, HOME));
  }

  @Test
  void thenTheBuiltInDefaultsAlsoForBlankVariables() {
    ConfigSelection selection = ConfigSelection.resolve(Optional.empty(), Optional.empty(),
        Map.of("CLOUDMETRICS_PROFILE", " ", "XDG_CONFIG_HOME", ""), HOME);

    assertEquals(new ConfigSelection("default", "default", Path.of("/home/someone/.config/cloudmetrics/config"), "default"), selection);
    assertEquals(false, selection.profileNamed());
  }

  @Test
  void aRelativeXdgConfigHomeIsIgnoredAsTheSpecificationSays() {
    assertEquals(Path.of("/home/someone/.config/cloudmetrics/config"), ConfigSelection.resolve(Optional.empty(),
        Optional.empty(), Map.of("XDG_CONFIG_HOME", "relative/dir"), HOME).file());
  }
}
