package dev.cloudmetrics.output;

import dev.cloudmetrics.failure.InvalidInputException;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * How rows are rendered: the format, whether a header line is written, the zone printed times are
 * in, the layout and time format of CSV and table, a byte-order mark before CSV and its line ends
 * (LF for shell tools, CRLF for Excel), Prometheus sample timestamps, and the terminal a chart is
 * drawn for. Refuses options the format cannot honour.
 */
public record RenderOptions(
    OutputFormat format,
    boolean header,
    ZoneId zone,
    Layout layout,
    TimeFormat timeFormat,
    boolean bom,
    boolean crlf,
    boolean sampleTimestamps,
    Terminal terminal) {

  private static final Set<OutputFormat> SPREADSHEET = Set.of(OutputFormat.CSV, OutputFormat.TABLE);

  public RenderOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(timeFormat, "timeFormat");
    Objects.requireNonNull(terminal, "terminal");
    if (layout != Layout.LONG && !SPREADSHEET.contains(format)) {
      throw refused("--layout '" + layout.id() + "'", "csv and table", format);
    }
    if (timeFormat != TimeFormat.ISO && !SPREADSHEET.contains(format)) {
      throw refused("--time-format '" + timeFormat.id() + "'", "csv and table", format);
    }
    if (bom && format != OutputFormat.CSV) {
      throw refused("--bom", "csv", format);
    }
    if (crlf && format != OutputFormat.CSV) {
      throw refused("--excel", "csv", format);
    }
    if (sampleTimestamps && format != OutputFormat.PROMETHEUS) {
      throw refused("--timestamps", "prometheus", format);
    }
  }

  /** CSV lines ending in LF. */
  public RenderOptions(OutputFormat format, boolean header, ZoneId zone, Layout layout, TimeFormat timeFormat,
      boolean bom, boolean sampleTimestamps, Terminal terminal) {
    this(format, header, zone, layout, timeFormat, bom, false, sampleTimestamps, terminal);
  }

  /** The defaults of everything but format, header and zone: long layout, ISO times, no BOM, LF, an 80-column plain terminal. */
  public RenderOptions(OutputFormat format, boolean header, ZoneId zone) {
    this(format, header, zone, Layout.LONG, TimeFormat.ISO, false, false, Terminal.PLAIN);
  }

  private static InvalidInputException refused(String option, String formats, OutputFormat format) {
    return new InvalidInputException(option + ": only for " + formats + ", not -f " + format.id());
  }
}
