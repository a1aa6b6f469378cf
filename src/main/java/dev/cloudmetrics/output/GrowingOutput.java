package dev.cloudmetrics.output;

import dev.cloudmetrics.failure.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Output that grows batch by batch for as long as a watch runs: on a stream, flushed after each
 * batch; in an --output file, replaced after each batch by its previous content plus the batch, so
 * that it always holds whole batches and is never half written. The header comes with the first
 * batch only, so the result is one valid CSV, or one table whose columns line up from batch to batch
 * while the values keep their width; JSON, one document, cannot grow and is refused.
 */
public final class GrowingOutput {
  private final RowSchema schema;
  private final RenderOptions options;
  private final Optional<Writer> stream;
  private final Optional<Path> file;
  private boolean started;

  private GrowingOutput(RowSchema schema, RenderOptions options, Optional<Writer> stream, Optional<Path> file) {
    if (options.format() == OutputFormat.JSON) {
      throw new InvalidInputException("--watch cannot write -f json, one document that would never end; "
          + "use -f ndjson (one JSON object per line)");
    }
    this.schema = schema;
    this.options = options;
    this.stream = stream;
    this.file = file;
  }

  /** Batches written to {@code out}, flushed after each; it is never closed. */
  public static GrowingOutput toStream(RowSchema schema, RenderOptions options, Writer out) {
    return new GrowingOutput(schema, options, Optional.of(out), Optional.empty());
  }

  /** Batches collected in {@code target}; refuses a target that {@link AtomicFileOutput} could not write. */
  public static GrowingOutput toFile(RowSchema schema, RenderOptions options, Path target) throws IOException {
    GrowingOutput output = new GrowingOutput(schema, options, Optional.empty(), Optional.of(target));
    AtomicFileOutput.open(target).close();
    return output;
  }

  /** Writes one batch (on a stream or for the first batch, also when it holds no rows: the header). */
  public void append(List<Row> rows) throws IOException {
    if (stream.isPresent()) {
      render(rows, stream.get());
      return;
    }
    if (started && rows.isEmpty()) {
      return;
    }
    Path target = file.orElseThrow();
    try (AtomicFileOutput next = AtomicFileOutput.open(target)) {
      if (started && Files.exists(target)) {
        try (Reader previous = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
          previous.transferTo(next.writer());
        }
      }
      render(rows, next.writer());
      next.commit();
    }
  }

  private void render(List<Row> rows, Writer out) throws IOException {
    if (!started || !options.header()) {
      renderBatch(rows, options, out);
    } else if (options.format() == OutputFormat.TABLE) {
      // Laid out with the header, which is then dropped, so that the columns line up with the first batch's.
      StringWriter table = new StringWriter();
      renderBatch(rows, options, table);
      String text = table.toString();
      out.write(text, text.indexOf('\n') + 1, text.length() - text.indexOf('\n') - 1);
      out.flush();
    } else {
      renderBatch(rows, new RenderOptions(options.format(), false, options.zone()), out);
    }
    started = true;
  }

  private void renderBatch(List<Row> rows, RenderOptions batch, Writer out) throws IOException {
    RowSink sink = Renderers.create(batch, out);
    sink.begin(schema);
    for (Row row : rows) {
      sink.accept(row);
    }
    sink.end();
  }
}
