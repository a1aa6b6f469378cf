package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed bash completion script, run by bash as Tab would run it: what it offers after each
 * prefix. (Whether it is what the command definitions give: {@code CommandLineSurfaceTest}.)
 */
class CompletionScriptTest {
  static final Path SCRIPT = Path.of("completion", "cloudmetrics.bash");

  @BeforeAll
  static void needsBash() {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
  }

  /**
   * What Tab offers after {@code typed} (a trailing space means a new, empty word). The words are
   * split as bash splits them for completion: also at '=' ({@code --format=c} is three words).
   */
  static List<String> complete(String typed) throws IOException, InterruptedException {
    List<String> words = new ArrayList<>();
    for (String word : typed.split(" ", -1)) {
      int equals = word.indexOf('=');
      if (word.startsWith("--") && equals > 0) {
        words.addAll(List.of(word.substring(0, equals), "=", word.substring(equals + 1)));
        words.removeIf(String::isEmpty);
        if (word.endsWith("=")) {
          words.set(words.size() - 1, "=");
        }
      } else {
        words.add(word);
      }
    }
    List<String> command = new ArrayList<>(List.of("/bin/bash", "-c",
        "source \"$1\"; COMP_LINE=\"$2\"; shift 2; COMP_WORDS=(\"$@\"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
            + " _complete_cloudmetrics; printf '%s\\n' \"${COMPREPLY[@]}\"",
        "bash", SCRIPT.toString(), typed));
    command.addAll(words);
    // compopt complains outside a real completion; what it says on stderr does not matter here
    Process bash = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, bash.waitFor(), out);
    return out.lines().filter(line -> !line.isBlank()).toList();
  }

  @Test
  void subcommands() throws Exception {
    assertTrue(complete("cloudmetrics ").containsAll(List.of("rtc", "cdn", "emulator", "configure")));
    assertEquals(List.of("online-users"), complete("cloudmetrics cdn "));
    assertEquals(List.of("list-realtime"), complete("cloudmetrics rtc "));
    assertEquals(List.of("list"), complete("cloudmetrics configure "));
  }

  @Test
  void options() throws Exception {
    assertEquals(List.of("--granularity"), complete("cloudmetrics cdn online-users --gr"));
    assertEquals(List.of("--signing-region"), complete("cloudmetrics cdn online-users --sig"));
    assertEquals(List.of("--app-id"), complete("cloudmetrics rtc list-realtime --app"));
    assertTrue(complete("cloudmetrics --").containsAll(List.of("--profile", "--config", "--sandbox")));
  }

  @Test
  void formats() throws Exception {
    assertTrue(complete("cloudmetrics cdn online-users -f ").containsAll(List.of("table", "csv", "json", "ndjson")));
    assertEquals(List.of("ndjson"), complete("cloudmetrics rtc list-realtime --format nd"));
  }

  @Test
  void regions() throws Exception {
    assertEquals(List.of("CN", "HK", "AS", "NA", "SA", "EU", "AU", "AF", "TW"), complete("cloudmetrics cdn online-users --regions "));
    assertEquals(List.of("cn-north-1", "ap-singapore-1"), complete("cloudmetrics rtc list-realtime --region "));
  }

  @Test
  void granularities() throws Exception {
    assertEquals(List.of("1m", "5m", "10m", "20m", "1h", "4h", "8h", "1d"), complete("cloudmetrics cdn online-users -g "));
    assertEquals(List.of("1m", "10m", "1h", "1d"), complete("cloudmetrics cdn online-users --granularity 1"));
  }

  @Test
  void valuesAfterTheEqualsSign() throws Exception {
    assertEquals(List.of("csv"), complete("cloudmetrics cdn online-users --format=cs"));
    assertEquals(List.of("table", "csv", "json", "ndjson", "prometheus", "influx", "chart"),
        complete("cloudmetrics rtc list-realtime --format="));
    assertEquals(List.of("wide"), complete("cloudmetrics cdn online-users --layout=w"));
  }

  @Test
  void theLastItemOfACommaSeparatedList() throws Exception {
    assertEquals(List.of("CN,HK,AS", "CN,HK,AU", "CN,HK,AF"), complete("cloudmetrics cdn online-users --regions CN,HK,A"));
    List<String> afterComma = complete("cloudmetrics cdn online-users --regions CN,");
    assertEquals(8, afterComma.size(), afterComma.toString());
    assertTrue(afterComma.contains("CN,TW") && !afterComma.contains("CN,CN"), afterComma.toString());
    assertEquals(List.of("online_user_count,online_room_count"),
        complete("cloudmetrics rtc list-realtime -i online_user_count,"));
  }

  @Test
  void indicatorsAndTimeZones() throws Exception {
    assertEquals(List.of("online_user_count", "online_room_count"), complete("cloudmetrics rtc list-realtime --indicator "));
    assumeTrue(Files.isRegularFile(Path.of("/usr/share/zoneinfo/Asia/Shanghai")), "no tz database on this machine");
    assertEquals(List.of("Asia/Shanghai"), complete("cloudmetrics cdn online-users --tz Asia/Shang"));
    assertEquals(List.of("UTC"), complete("cloudmetrics rtc list-realtime --tz=UT"));
  }

  @Test
  void filesForTheOptionsThatReadOrWriteOne() throws Exception {
    assertEquals(List.of("pom.xml"), complete("cloudmetrics cdn online-users --streams-file pom."));
    assertEquals(List.of("pom.xml"), complete("cloudmetrics rtc list-realtime -o pom."));
    assertEquals(List.of("pom.xml"), complete("cloudmetrics --config pom."));
    assertEquals(List.of(), complete("cloudmetrics cdn online-users --stream pom."));
  }

  @Test
  void theCommandIsFoundPastOptionsAndTheirValues() throws Exception {
    assertEquals(List.of("online-users"), complete("cloudmetrics --profile staging --config=x.ini cdn "));
    assertEquals(List.of("--granularity"), complete("cloudmetrics --sandbox cdn online-users -f csv --regions CN --gran"));
  }
}
