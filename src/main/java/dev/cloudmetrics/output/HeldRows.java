package dev.cloudmetrics.output;

import dev.cloudmetrics.failure.InvalidInputException;
import java.util.Locale;

/**
 * The renderings that hold every row until the end (a table's column widths, a chart's axes, the
 * wide layout's columns all come from all rows), and how many points they may hold in the
 * launcher's heap; a query with more is refused before anything is sent, pointing to a format
 * that writes each row as it comes.
 */
public final class HeldRows {
  /** Measured: a million points render as a table within the launcher's 512 MiB heap (README, "Reliability"). */
  public static final long MAX_POINTS = 1_000_000;

  private HeldRows() {}

  /** Refuses {@code points} when {@code options} would hold them all and they are more than {@link #MAX_POINTS}. */
  public static void requireRoomFor(long points, RenderOptions options) {
    if (points <= MAX_POINTS) {
      return;
    }
    String holder = options.layout() == Layout.WIDE ? "--layout wide"
        : options.format() == OutputFormat.TABLE || options.format() == OutputFormat.CHART
            ? "-f " + options.format().name().toLowerCase(Locale.ROOT) : null;
    if (holder != null) {
      throw new InvalidInputException(holder + " holds every point until the end, and this query has " + points
          + " (at most " + MAX_POINTS + "); use -f csv or -f ndjson, which write each row as it comes, "
          + "or a shorter window");
    }
  }
}
