package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  static final long SECOND = 1_000_000_000L;

  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  final AtomicLong clock = new AtomicLong(7 * SECOND);

  String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onATerminalOneLineIsRedrawnInPlaceAndWipedAtTheEnd() {
    ProgressLine progress = ProgressLine.onTerminal(err, clock::get);

    progress.started(10);
    clock.addAndGet(2 * SECOND);
    progress.advanced(4, 4000);
    String midway = text().substring(text().lastIndexOf('\r') + 1);
    clock.addAndGet(3 * SECOND);
    progress.advanced(10, 10000);
    progress.finished();

    assertEquals("[########------------] 4/10 requests, 4000 rows, 2.0 requests/s, 3s left", midway);
    assertFalse(text().contains("\n"), text());
    int widest = Arrays.stream(text().split("\r")).mapToInt(String::length).max().orElseThrow();
    assertTrue(text().endsWith("\r" + " ".repeat(widest) + "\r"), text());
  }

  @Test
  void inALogPlainLinesAtMostOneASecondAndTheLast() {
    ProgressLine progress = ProgressLine.inLog(err, clock::get);

    progress.started(20);
    for (int answered = 1; answered <= 20; answered++) {
      clock.addAndGet(SECOND / 4);
      progress.advanced(answered, answered * 100L);
    }
    progress.finished();

    List<String> lines = text().lines().toList();
    assertFalse(text().contains("\r"), text());
    assertEquals(List.of(
        "cloudmetrics: 4/20 requests, 400 rows, 4.0 requests/s, 4s left",
        "cloudmetrics: 8/20 requests, 800 rows, 4.0 requests/s, 3s left",
        "cloudmetrics: 12/20 requests, 1200 rows, 4.0 requests/s, 2s left",
        "cloudmetrics: 16/20 requests, 1600 rows, 4.0 requests/s, 1s left",
        "cloudmetrics: 20/20 requests, 2000 rows, 4.0 requests/s"), lines);
  }
}
