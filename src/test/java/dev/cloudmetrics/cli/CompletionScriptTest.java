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

/** The committed bash completion script, run by bash as Tab would run it: what it offers after each prefix. */
class CompletionScriptTest {
  static final Path SCRIPT = Path.of("completion", "cloudmetrics.bash");

  @BeforeAll
  static void needsBash() {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
  }

  /** What Tab offers after {@code typed} (a trailing space means a new, empty word). */
  static List<String> complete(String typed) throws IOException, InterruptedException {
    List<String> words = new ArrayList<>(Arrays.asList(typed.split(" ", -1)));
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
}
