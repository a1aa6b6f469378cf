package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed zsh completion script, loaded by an interactive zsh with compinit on a
 * pseudo-terminal and completed with a real Tab: what it offers, with the options' descriptions.
 */
class ZshCompletionTest {
  static final Path SCRIPT = Path.of("completion", "cloudmetrics.zsh").toAbsolutePath();

  @BeforeAll
  static void needsZsh() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
        "zsh is not installed (apt-get install -y zsh)");
  }

  /** Match to description of what Tab offers after {@code typed}, in the order zsh got them. */
  static Map<String, String> complete(String typed) throws IOException, InterruptedException, URISyntaxException {
    Path driver = Path.of(ZshCompletionTest.class.getResource("/completion/zsh-complete.zsh").toURI());
    Process zsh = new ProcessBuilder("zsh", "-f", driver.toString(), SCRIPT.toString(), typed)
        .directory(Path.of("").toAbsolutePath().toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(zsh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(zsh.waitFor(1, TimeUnit.MINUTES), "zsh did not finish");
    // The menu's description column: "--granularity     -- Bucket size: ...".
    return out.lines().collect(Collectors.toMap(line -> line.split("\t", 2)[0],
        line -> line.contains("\t") ? line.split("\t", 2)[1].replaceFirst("^\\S+ +-- ", "") : "",
        (a, b) -> a, LinkedHashMap::new));
  }

  static List<String> matches(String typed) throws Exception {
    return List.copyOf(complete(typed).keySet());
  }

  @Test
  void commandsWithWhatTheyDo() throws Exception {
    Map<String, String> groups = complete("cloudmetrics ");

    assertEquals(List.of("rtc", "cdn", "emulator", "configure"), List.copyOf(groups.keySet()));
    assertTrue(groups.get("cdn").contains("Kingsoft Cloud live CDN"), groups.toString());
    assertEquals(List.of("online-users"), matches("cloudmetrics cdn "));
    assertEquals(List.of("list-realtime"), matches("cloudmetrics --sandbox rtc "));
  }

  @Test
  void optionsWithTheirDescriptions() throws Exception {
    Map<String, String> options = complete("cloudmetrics cdn online-users --gr");

    assertEquals(List.of("--granularity"), List.copyOf(options.keySet()));
    assertTrue(options.get("--granularity").contains("Bucket size"), options.toString());
    Map<String, String> all = complete("cloudmetrics rtc list-realtime --");
    assertTrue(all.keySet().containsAll(List.of("--app-id", "--indicator", "--format", "--tz", "--sandbox", "--profile")),
        all.toString());
    assertTrue(all.get("--app-id").startsWith("RTC application id"), all.toString());
  }

  @Test
  void valuesInTheirOwnWordAndAfterTheEqualsSign() throws Exception {
    assertEquals(List.of("table", "csv", "json", "ndjson", "prometheus", "influx", "chart").stream().sorted().toList(),
        matches("cloudmetrics cdn online-users -f ").stream().sorted().toList());
    assertEquals(List.of("--format=ndjson"), matches("cloudmetrics rtc list-realtime --format=nd"));
    assertEquals(List.of("ap-singapore-1"), matches("cloudmetrics rtc list-realtime --region ap"));
  }

  @Test
  void theNextItemOfACommaSeparatedList() throws Exception {
    List<String> regions = matches("cloudmetrics cdn online-users --regions CN,");

    assertEquals(List.of("HK", "AS", "NA", "SA", "EU", "AU", "AF", "TW").stream().sorted().toList(),
        regions.stream().map(r -> r.substring(r.lastIndexOf(',') + 1)).sorted().toList(), regions.toString());
    assertEquals(List.of("online_room_count"),
        matches("cloudmetrics rtc list-realtime -i online_user_count,").stream().map(r -> r.substring(r.lastIndexOf(',') + 1)).toList());
  }

  @Test
  void filesAndTimeZones() throws Exception {
    assertTrue(matches("cloudmetrics cdn online-users --streams-file po").contains("pom.xml"));
    assertTrue(matches("cloudmetrics rtc list-realtime -o po").contains("pom.xml"));
    assumeTrue(Files.isDirectory(Path.of("/usr/share/zoneinfo/Asia")), "no tz database on this machine");
    assertTrue(matches("cloudmetrics cdn online-users --tz Asia/Sh").stream().anyMatch(m -> m.endsWith("Shanghai")));
  }
}
