package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code configure} on a real terminal: the process runs on a pseudo-terminal made by util-linux
 * {@code script}, so {@code System.console()} exists and secrets go through {@code readPassword}.
 */
class ConfigureTerminalTest {
  static final Path SCRIPT = Path.of("/usr/bin/script");

  @TempDir Path home;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // only so that a child that never prompts cannot hang the build
  void asksOnATerminalAndNeverEchoesASecret() throws Exception {
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
    Path config = home.resolve("config");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = String.join(" ", quoted(java), "-cp", quoted(System.getProperty("java.class.path")),
        "dev.cloudmetrics.cli.Main", "--config", quoted(config.toString()), "configure");
    Map<String, Deque<String>> answers = Map.of(
        "Volcengine access key ID", new ArrayDeque<>(List.of("AKLTterminalkey")),
        "Volcengine secret access key", new ArrayDeque<>(List.of("terminal-secret-value")),
        "rtc.region", new ArrayDeque<>(List.of("ap-singapore-1")),
        "format", new ArrayDeque<>(List.of("yaml", "csv")));

    Process process = new ProcessBuilder(SCRIPT.toString(), "-qec", command, "/dev/null").redirectErrorStream(true).start();
    String transcript = converse(process.getInputStream(), process.getOutputStream(), answers);

    assertEquals(0, process.waitFor(), transcript);
    assertTrue(transcript.contains("Volcengine access key ID (rtc) [not set]: AKLTterminalkey"), transcript);
    assertTrue(transcript.contains("Volcengine secret access key [not set]: "), transcript);
    assertFalse(transcript.contains("terminal-secret-value"), transcript);
    assertTrue(transcript.contains("format: Invalid value for option '--format': 'yaml'"), transcript);
    assertEquals("""
        [default]
        volcengine_access_key = AKLTterminalkey
        volcengine_secret_key = terminal-secret-value
        rtc.region = ap-singapore-1
        format = csv
        """, Files.readString(config));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
  }

  /** Reads the terminal until each prompt ("...]: ") and types the answer for it: the next one queued, else Enter. */
  private static String converse(InputStream terminal, OutputStream keyboard, Map<String, Deque<String>> answers) throws IOException {
    StringBuilder transcript = new StringBuilder();
    int lineStart = 0;
    for (int c = terminal.read(); c >= 0; c = terminal.read()) {
      transcript.append((char) c);
      if (c == '\n') {
        lineStart = transcript.length();
      } else if (transcript.length() - lineStart >= 3 && transcript.substring(transcript.length() - 3).equals("]: ")) {
        String prompt = transcript.substring(lineStart);
        String answer = answers.entrySet().stream().filter(a -> prompt.startsWith(a.getKey()) && !a.getValue().isEmpty())
            .map(a -> a.getValue().poll()).findFirst().orElse("");
        keyboard.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
      }
    }
    return transcript.toString();
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
