package dev.cloudmetrics.output;

import java.time.ZoneId;
import java.util.Objects;

/** How rows are rendered: the format, whether a header line is written, and the zone printed times are in. */
public record RenderOptions(OutputFormat format, boolean header, ZoneId zone) {
  public RenderOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(zone, "zone");
  }
}
