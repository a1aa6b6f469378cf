package dev.cloudmetrics.cli;

import dev.cloudmetrics.failure.OutputFailedException;
import dev.cloudmetrics.output.AtomicFileOutput;
import dev.cloudmetrics.output.CheckedStream;
import dev.cloudmetrics.output.GrowingOutput;
import dev.cloudmetrics.output.Layout;
import dev.cloudmetrics.output.OutputFormat;
import dev.cloudmetrics.output.RenderOptions;
import dev.cloudmetrics.output.Renderers;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.output.RowSink;
import dev.cloudmetrics.output.Terminal;
import dev.cloudmetrics.output.TimeFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** The output options both commands share, and where the rows go. */
final class OutputOptions {
  @Option(names = {"-f", "--format"}, paramLabel = "FMT", converter = FormatConverter.class,
      completionCandidates = FormatConverter.class,
      description = "table, csv, json, ndjson, prometheus, influx or chart (default: table on a terminal, csv otherwise).")
  OutputFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE instead of stdout; written whole or not at all.")
  Path output;

  @Option(names = "--no-header", description = "Leave out the header line (CSV and table), e.g. for appending.")
  boolean noHeader;

  @Option(names = "--tz", paramLabel = "ZONE", converter = ZoneConverter.class,
      description = "Zone for times without an offset and for printed times (default: the system zone).")
  ZoneId zone;

  @Option(names = "--dry-run", description = "Print the signed request(s), secrets redacted, and send nothing.")
  boolean dryRun;

  @Option(names = "--layout", paramLabel = "LAYOUT", converter = LayoutConverter.class,
      completionCandidates = LayoutConverter.class,
      description = "CSV and table: long (default: one row per point) or wide (one row per time, one column per series).")
  Layout layout;

  @Option(names = "--time-format", paramLabel = "TF", converter = TimeFormatConverter.class,
      completionCandidates = TimeFormatConverter.class,
      description = "CSV and table: iso (default, with the offset), local (yyyy-MM-dd HH:mm:ss in --tz, "
          + "which spreadsheets read as a date) or epoch (seconds).")
  TimeFormat timeFormat;

  @Option(names = {"--bom", "--excel"},
      description = "CSV: start with a UTF-8 byte-order mark, so that Excel shows Chinese text correctly.")
  boolean bom;

  @Option(names = "--timestamps",
      description = "Prometheus: give each sample its bucket's start in ms (node_exporter's textfile collector refuses them).")
  boolean sampleTimestamps;

  /** Something that writes rows into a sink, for as long as the run lasts. */
  interface RowSource {
    void writeTo(RowSink sink) throws IOException;
  }

  ZoneId zone() {
    return zone == null ? ZoneId.systemDefault() : zone;
  }

  boolean dryRun() {
    return dryRun;
  }

  /**
   * Renders what {@code source} produces to stdout or, all or nothing, to the --output file. Ctrl-C
   * and SIGTERM end it as a failure does: stdout on whole records, the file left as it was.
   */
  int write(RowSchema schema, RowSource source, CliEnvironment environment) throws IOException {
    RenderOptions options = renderOptions(environment);
    if (output == null) {
      RowSink sink = Renderers.create(options, stdout(environment));
      return CtrlC.interrupts(() -> renderEndingWhole(schema, source, sink), environment.err());
    }
    // The file closed inside: its temporary file is gone before a signal lets the process end.
    return CtrlC.interrupts(() -> {
      try (AtomicFileOutput file = AtomicFileOutput.open(output)) {
        render(schema, source, Renderers.create(options, file.writer()));
        file.commit();
      }
    }, environment.err());
  }

  /**
   * For --watch: output that grows poll by poll, on stdout or in the --output file (replaced whole
   * after each poll, so that it always holds every complete poll); refuses what cannot grow. A
   * redrawn format (prometheus, chart) shows the last {@code span}.
   */
  GrowingOutput growing(RowSchema schema, Duration span, CliEnvironment environment) throws IOException {
    RenderOptions options = renderOptions(environment);
    if (output == null) {
      return GrowingOutput.toStream(schema, options, span, stdout(environment), environment.interactive());
    }
    return GrowingOutput.toFile(schema, options, span, output);
  }

  /** stdout for rows: buffered, UTF-8, and throwing at the first failed write (a full disk, a closed pipe). */
  private static Writer stdout(CliEnvironment environment) {
    return new BufferedWriter(new OutputStreamWriter(CheckedStream.over(environment.out()), StandardCharsets.UTF_8));
  }

  /**
   * Rows come whole (a planned run: whole buckets). When the source fails or is interrupted after
   * some, the output still ends as after the last of them (a JSON document closed, a table drawn),
   * so that the --start of the resume advice fetches exactly the rest; a bare header is not written.
   */
  private static void renderEndingWhole(RowSchema schema, RowSource source, RowSink sink) throws IOException {
    RowsSeen seen = new RowsSeen(sink);
    seen.begin(schema);
    try {
      source.writeTo(seen);
    } catch (OutputFailedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (seen.any) {
        try {
          seen.end();
        } catch (IOException failedToo) {
          e.addSuppressed(failedToo);
        }
      }
      throw e;
    }
    seen.end();
  }

  /** Passes rows on and notes whether there was one. */
  private static final class RowsSeen implements RowSink {
    private final RowSink sink;
    private boolean any;

    RowsSeen(RowSink sink) {
      this.sink = sink;
    }

    @Override
    public void begin(RowSchema schema) throws IOException {
      sink.begin(schema);
    }

    @Override
    public void accept(Row row) throws IOException {
      any = true;
      sink.accept(row);
    }

    @Override
    public void end() throws IOException {
      sink.end();
    }
  }

  /** How to render, from the options and the environment; refuses options the format cannot honour. */
  RenderOptions renderOptions(CliEnvironment environment) {
    boolean toTerminal = environment.interactive() && output == null;
    OutputFormat chosen = format != null ? format : toTerminal ? OutputFormat.TABLE : OutputFormat.CSV;
    return new RenderOptions(chosen, !noHeader, zone(), layout == null ? Layout.LONG : layout,
        timeFormat == null ? TimeFormat.ISO : timeFormat, bom, sampleTimestamps,
        new Terminal(columns(environment), toTerminal && !noColor(environment)));
  }

  /** The terminal's width from COLUMNS (which shells set), else 80. */
  private static int columns(CliEnvironment environment) {
    try {
      int columns = Integer.parseInt(environment.variables().getOrDefault("COLUMNS", "").trim());
      return columns > 0 ? columns : Terminal.PLAIN.columns();
    } catch (NumberFormatException e) {
      return Terminal.PLAIN.columns();
    }
  }

  /** NO_COLOR set to anything but the empty string turns colour off (no-color.org). */
  private static boolean noColor(CliEnvironment environment) {
    return !environment.variables().getOrDefault("NO_COLOR", "").isEmpty();
  }

  private static void render(RowSchema schema, RowSource source, RowSink sink) throws IOException {
    sink.begin(schema);
    source.writeTo(sink);
    sink.end();
  }
}
