package dev.cloudmetrics.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd unit example (dist/cloudmetrics.service) runs the exporter as its own user with the
 * keys from a root-only EnvironmentFile, restarts on failure and is hardened; where the machine
 * has {@code systemd-analyze} (Debian's package systemd), systemd itself finds nothing to say.
 */
class SystemdUnitTest {
  static final Path UNIT = Path.of("dist/cloudmetrics.service");
  static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
  static final Path LAUNCHER = Path.of("dist/cloudmetrics");
  static final String INSTALLED_LAUNCHER = "/opt/cloudmetrics/bin/cloudmetrics";

  @TempDir Path dir;

  @Test
  void itServesThePortAsItsOwnUserWithKeysFromAnEnvironmentFile() throws IOException {
    Map<String, List<String>> service = section("Service");

    assertEquals(List.of("cloudmetrics"), service.get("User"));
    String command = single(service, "ExecStart");
    assertTrue(command.startsWith(INSTALLED_LAUNCHER + " cdn online-users "), command);
    assertTrue(command.endsWith(" --serve :9464"), command);
    assertFalse(command.matches("(?i).*(key|secret|token).*"), "no secret on the command line: " + command);
    assertTrue(single(service, "EnvironmentFile").startsWith("/etc/cloudmetrics/"));
    assertTrue(Files.readString(UNIT, StandardCharsets.UTF_8).contains("install -m 0600 -o root -g root /dev/null "
        + single(service, "EnvironmentFile")), "the install notes create the EnvironmentFile 0600");
    assertEquals("on-failure", single(service, "Restart"));
    assertEquals("2 3", single(service, "RestartPreventExitStatus"), "bad input and credentials do not mend by restarts");
    assertEquals(List.of("multi-user.target"), section("Install").get("WantedBy"));
  }

  @Test
  void itIsHardened() throws IOException {
    Map<String, List<String>> service = section("Service");

    for (String setting : List.of("NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
        "PrivateDevices=yes", "RestrictSUIDSGID=yes", "CapabilityBoundingSet=", "UMask=0077")) {
      String[] keyValue = setting.split("=", 2);
      assertEquals(keyValue[1], single(service, keyValue[0]), setting);
    }
    // The JVM's JIT writes the code it runs: this setting would kill it at start.
    assertFalse(service.containsKey("MemoryDenyWriteExecute"));
  }

  @Test
  void systemdFindsNothingToSay() throws Exception {
    String said = verify(Files.readString(UNIT, StandardCharsets.UTF_8));

    assertEquals("", said);
  }

  @Test
  void systemdNamesAMisspeltKey() throws Exception {
    // Proof that the check above can fail: systemd warns of what it would ignore.
    String misspelt = Files.readString(UNIT, StandardCharsets.UTF_8).replace("NoNewPrivileges=", "NoNewPrivilege=");

    assertNotEquals("", verify(misspelt));
  }

  /**
   * What {@code systemd-analyze verify} says of the unit: nothing when it exits 0 without a warning.
   * The launcher of this checkout stands in for the installed one, which systemd checks is executable.
   */
  private String verify(String unit) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "systemd-analyze is not installed (apt-get install systemd)");
    assertTrue(unit.contains(INSTALLED_LAUNCHER));
    Path file = dir.resolve("cloudmetrics.service");
    Files.writeString(file, unit.replace(INSTALLED_LAUNCHER, LAUNCHER.toAbsolutePath().toString()), StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", file.toString()).redirectErrorStream(true).start();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(process.waitFor(1, TimeUnit.MINUTES), "systemd-analyze did not finish");
    return process.exitValue() == 0 ? said : "exit " + process.exitValue() + ": " + said;
  }

  /** The keys of one [SECTION] of the unit file, each with its values in order (a key may repeat). */
  private static Map<String, List<String>> section(String name) throws IOException {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    String current = "";
    for (String line : Files.readAllLines(UNIT, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
        continue;
      }
      if (trimmed.startsWith("[")) {
        current = trimmed.substring(1, trimmed.indexOf(']'));
        continue;
      }
      assertTrue(trimmed.contains("="), "not KEY=VALUE: " + line);
      assertFalse(trimmed.endsWith("\\"), "no continued lines: " + line);
      if (current.equals(name)) {
        String[] keyValue = trimmed.split("=", 2);
        keys.computeIfAbsent(keyValue[0].strip(), k -> new ArrayList<>()).add(keyValue[1].strip());
      }
    }
    assertFalse(keys.isEmpty(), "no [" + name + "] section");
    return keys;
  }

  private static String single(Map<String, List<String>> section, String key) {
    List<String> values = section.getOrDefault(key, List.of());
    assertEquals(1, values.size(), key + ": " + values);
    return values.get(0);
  }
}
