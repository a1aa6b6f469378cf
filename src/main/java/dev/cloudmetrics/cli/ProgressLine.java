package dev.cloudmetrics.cli;

import dev.cloudmetrics.cdn.PlanProgress;
import dev.cloudmetrics.time.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of a run of several requests on stderr: requests answered of all, rows written,
 * requests per second and the time left. On a terminal one line redrawn in place and wiped at the
 * end; in a log (--verbose) plain lines without carriage returns, at most one a second.
 */
final class ProgressLine implements PlanProgress {
  private static final long REDRAW = Duration.ofMillis(200).toNanos();
  private static final long LOG_EVERY = Duration.ofSeconds(1).toNanos();
  private static final int BAR = 20;

  private final PrintStream err;
  private final boolean inPlace;
  private final LongSupplier nanoTime;
  private int total;
  private long startedAt;
  private long drawnAt;
  private int drawnWidth;

  private ProgressLine(PrintStream err, boolean inPlace, LongSupplier nanoTime) {
    this.err = err;
    this.inPlace = inPlace;
    this.nanoTime = nanoTime;
  }

  /** One line on a terminal, redrawn in place. */
  static ProgressLine onTerminal(PrintStream err, LongSupplier nanoTime) {
    return new ProgressLine(err, true, nanoTime);
  }

  /** Plain lines, for stderr that is a log. */
  static ProgressLine inLog(PrintStream err, LongSupplier nanoTime) {
    return new ProgressLine(err, false, nanoTime);
  }

  @Override
  public void started(int requests) {
    total = requests;
    startedAt = nanoTime.getAsLong();
    drawnAt = startedAt;
    if (inPlace) {
      draw(0, 0, startedAt);
    }
  }

  @Override
  public void advanced(int answered, long rowsWritten) {
    long now = nanoTime.getAsLong();
    if (answered == total || now - drawnAt >= (inPlace ? REDRAW : LOG_EVERY)) {
      draw(answered, rowsWritten, now);
    }
  }

  @Override
  public void finished() {
    if (inPlace && drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
    }
  }

  private void draw(int answered, long rowsWritten, long now) {
    drawnAt = now;
    double seconds = (now - startedAt) / 1e9;
    double rate = seconds > 0 ? answered / seconds : 0;
    String left = rate > 0 ? Durations.format(Duration.ofSeconds(Math.round((total - answered) / rate))) : "?";
    String counts = answered + "/" + total + " requests, " + rowsWritten + " rows, "
        + String.format(Locale.ROOT, "%.1f", rate) + " requests/s";
    if (!inPlace) {
      err.println("cloudmetrics: " + counts + (answered == total ? "" : ", " + left + " left"));
      err.flush();
      return;
    }
    int filled = total == 0 ? BAR : (int) ((long) BAR * answered / total);
    String line = "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + counts + ", " + left + " left";
    err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = Math.max(drawnWidth, line.length());
  }
}
