package dev.cloudmetrics.output;

import java.io.Writer;

/** Picks the renderer for a format; the one place a new format is plugged in. */
public final class Renderers {
  private Renderers() {}

  /** A sink that writes rows to {@code out} as {@code options} say; it flushes {@code out} but never closes it. */
  public static RowSink create(RenderOptions options, Writer out) {
    return switch (options.format()) {
      case TABLE -> new TableRenderer(out, options);
      case CSV -> new CsvRenderer(out, options);
      case JSON -> new JsonRenderer(out, options);
      case NDJSON -> new NdjsonRenderer(out, options);
      case PROMETHEUS -> new PrometheusRenderer(out, options);
      case INFLUX -> new InfluxRenderer(out);
      case CHART -> new ChartRenderer(out, options);
    };
  }
}
