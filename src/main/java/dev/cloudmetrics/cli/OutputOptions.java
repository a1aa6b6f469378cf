package dev.cloudmetrics.cli;

import dev.cloudmetrics.failure.OutputFailedException;
import dev.cloudmetrics.failure.InvalidInputException;
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
import dev.cloudmetrics.output.TimeFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The output options both commands share, and where the rows go. */
final class OutputOptions {
  @Option(names = {"-f", "--format"}, paramLabel = "FMT", converter = FormatConverter.class,
      completionCandidates = FormatConverter.class,
      description = "table, csv, json, ndjson, prometheus, influx or chart (default: table on a terminal, csv otherwise).")
  OutputFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE instead of stdout ('-' is stdout); written whole or not at all. "
          + "Without -f, the format follows the extension (.csv .json .ndjson .prom .influx).")
  Path output;

  @Option(names = "--no-header", description = "Leave out the header line (CSV and table), e.g. for appending.")
  boolean noHeader;

  @Option(names = "--color", paramLabel = "WHEN", converter = ColorConverter.class,
      completionCandidates = ColorConverter.class,
      description = "Colour in charts: auto (default: on a terminal, unless NO_COLOR is set or TERM=dumb), always or never.")
  ColorChoice color;

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

  @Option(names = "--bom",
      description = "CSV: start with a UTF-8 byte-order mark, so that Excel shows Chinese text correctly.")
  boolean bom;

  @Option(names = "--excel", description = "CSV for Excel: a byte-order mark and CRLF line ends (default: LF, as shell tools expect).")
  boolean excel;

  @Option(names = "--timestamps",
      description = "Prometheus: give each sample its bucket's start in ms (node_exporter's textfile collector refuses them).")
  boolean sampleTimestamps;

  /** Something that writes rows into a sink, for as long as the run lasts. */
  interface RowSource {
    void writeTo(RowSink sink) throws IOException;

    /** This source, with {@code seen} told of each row on its way to the sink. */
    default RowSource observed(Consumer<Row> seen) {
      return sink -> writeTo(new RowSink() {
        @Override
        public void begin(RowSchema schema) throws IOException {
          sink.begin(schema);
        }

        @Override
        public void accept(Row row) throws IOException {
          seen.accept(row);
          sink.accept(row);
        }

        @Override
        public void end() throws IOException {
          sink.end();
        }
      });
    }
  }

  ZoneId zone() {
    return zone == null ? ZoneId.systemDefault() : zone;
  }

  boolean dryRun() {
    return dryRun;
  }

  /** Whether rows go to stdout: no --output, or {@code -o -}. */
  boolean toStdout() {
    return output == null || output.toString().equals("-");
  }

  /**
   * Renders what {@code source} produces to stdout or, all or nothing, to the --output file; an
   * export to a file ends with a summary line on stderr when someone watches (a terminal, or -v).
   * Ctrl-C and SIGTERM end it as a failure does: stdout on whole records, the file left as it was.
   */
  int write(RowSchema schema, RowSource source, CliEnvironment environment, boolean verbose) throws IOException {
    RenderOptions options = renderOptions(environment);
    if (toStdout()) {
      RowSink sink = Renderers.create(options, stdout(environment));
      return CtrlC.interrupts(() -> renderEndingWhole(schema, source, sink), environment.err());
    }
    ExportSummary summary = new ExportSummary();
    boolean summarised = verbose || environment.terminal().stderr();
    // The file closed inside: its temporary file is gone before a signal lets the process end.
    int code = CtrlC.interrupts(() -> {
      try (AtomicFileOutput file = AtomicFileOutput.open(output)) {
        render(schema, summarised ? source.observed(summary::add) : source, Renderers.create(options, file.writer()));
        file.commit();
      }
    }, environment.err());
    if (summarised && code == ExitCode.OK) {
      environment.err().println("cloudmetrics: " + summary.line(output, options.zone()));
      environment.err().flush();
    }
    return code;
  }

  /**
   * For --watch: output that grows poll by poll, on stdout or in the --output file (replaced whole
   * after each poll, so that it always holds every complete poll); refuses what cannot grow. A
   * redrawn format (prometheus, chart) shows the last {@code span}.
   */
  GrowingOutput growing(RowSchema schema, Duration span, CliEnvironment environment) throws IOException {
    RenderOptions options = renderOptions(environment);
    if (!toStdout()) {
      return GrowingOutput.toFile(schema, options, span, output);
    }
    return GrowingOutput.toStream(schema, options, span, stdout(environment), environment.terminal().stdout());
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
    if (noHeader && (bom || excel)) {
      throw new InvalidInputException("--no-header with " + (excel ? "--excel" : "--bom")
          + ": a byte-order mark belongs at the start of a file, not in the middle of one appended to;"
          + " write the first part with it and append without it");
    }
    boolean toTerminal = environment.terminal().stdout() && toStdout();
    return new RenderOptions(format(environment), !noHeader, zone(), layout == null ? Layout.LONG : layout,
        timeFormat == null ? TimeFormat.ISO : timeFormat, bom || excel, excel, sampleTimestamps,
        environment.terminal().display(environment.variables(), colour(environment, toTerminal)));
  }

  /** -f, else the --output file's extension, else table on a terminal and CSV elsewhere. */
  private OutputFormat format(CliEnvironment environment) {
    if (format != null) {
      return format;
    }
    if (!toStdout()) {
      return OutputFormat.forFileName(output.getFileName().toString()).orElse(OutputFormat.CSV);
    }
    return environment.terminal().stdout() ? OutputFormat.TABLE : OutputFormat.CSV;
  }

  /** What the options say that does nothing, for notes on stderr before the run; refuses what cannot be. */
  List<String> notices(CliEnvironment environment) {
    renderOptions(environment);
    List<String> notices = new ArrayList<>();
    if (format == null && !toStdout() && OutputFormat.forFileName(output.getFileName().toString()).isEmpty()) {
      notices.add("-o '" + output + "': no format known for that name; writing csv (-f chooses one)");
    }
    OutputFormat chosen = format(environment);
    if (noHeader && chosen == OutputFormat.TABLE) {
      notices.add("--no-header: the table still ends with its summary (-f csv gives bare rows)");
    } else if (noHeader && chosen != OutputFormat.CSV) {
      notices.add("--no-header does nothing for -f " + chosen.id() + ", which has no header line");
    }
    return notices;
  }

  /** --color, where auto means a terminal that takes colour and no NO_COLOR (no-color.org). */
  private ColorChoice colourChoice() {
    return color == null ? ColorChoice.AUTO : color;
  }

  private boolean colour(CliEnvironment environment, boolean toTerminal) {
    return switch (colourChoice()) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> toTerminal && environment.variables().getOrDefault("NO_COLOR", "").isEmpty()
          && !"dumb".equals(environment.variables().get("TERM"));
    };
  }

  private static void render(RowSchema schema, RowSource source, RowSink sink) throws IOException {
    sink.begin(schema);
    source.writeTo(sink);
    sink.end();
  }
}
