package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.AtomicFileOutput;
import dev.cloudmetrics.output.OutputFormat;
import dev.cloudmetrics.output.RenderOptions;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.Renderers;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.output.RowSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** The output options both commands share, and where the rows go. */
final class OutputOptions {
  @Option(names = {"-f", "--format"}, paramLabel = "FMT", converter = FormatConverter.class,
      completionCandidates = FormatConverter.Candidates.class,
      description = "table, csv, json or ndjson (default: table on a terminal, csv otherwise).")
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

  /** Renders what {@code source} produces to stdout or, all or nothing, to the --output file. */
  void write(RowSchema schema, RowSource source, CliEnvironment environment) throws IOException {
    OutputFormat chosen = format != null ? format
        : environment.interactive() && output == null ? OutputFormat.TABLE : OutputFormat.CSV;
    RenderOptions options = new RenderOptions(chosen, !noHeader, zone());
    if (output == null) {
      Writer out = new BufferedWriter(new OutputStreamWriter(environment.out(), StandardCharsets.UTF_8));
      RowsSeen seen = new RowsSeen();
      try {
        render(schema, seen.counting(source), options, out);
      } catch (IOException | RuntimeException e) {
        // Rows come whole (a planned run: whole buckets): on failure, those written go out; a bare header does not.
        if (seen.any) {
          out.flush();
        }
        throw e;
      }
      out.flush();
      return;
    }
    try (AtomicFileOutput file = AtomicFileOutput.open(output)) {
      render(schema, source, options, file.writer());
      file.commit();
    }
  }

  /** Whether a source has passed on a row yet. */
  private static final class RowsSeen {
    private boolean any;

    RowSource counting(RowSource source) {
      return sink -> source.writeTo(new RowSink() {
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
      });
    }
  }

  private static void render(RowSchema schema, RowSource source, RenderOptions options, Writer out)
      throws IOException {
    RowSink sink = Renderers.create(options, out);
    sink.begin(schema);
    source.writeTo(sink);
    sink.end();
  }
}
