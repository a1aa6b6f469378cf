package dev.cloudmetrics.output;

import dev.cloudmetrics.failure.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Output that grows batch by batch for as long as a watch runs. CSV, table, NDJSON and Influx
 * append each batch: the header and byte-order mark come with the first only, so the result is one
 * valid CSV, or one table whose columns line up from batch to batch while the values keep their
 * width. Prometheus and the chart show a state, so each batch redraws it from the rows of the last
 * {@code span}, on a terminal over the previous one. An --output file is replaced after each batch
 * by its new content, so that it always holds whole batches and is never half written. JSON (one
 * document) and the wide layout (whose columns come from all rows at once) cannot grow and are refused.
 */
public final class GrowingOutput implements AutoCloseable {
  private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

  private final RowSchema schema;
  private final RenderOptions options;
  private final boolean redraw;
  private final Duration span;
  private final Optional<Writer> stream;
  private final boolean terminal;
  private final Optional<Path> file;
  private final Optional<AtomicFileOutput> inPlace;
  private final List<Row> shown = new ArrayList<>();
  private boolean started;

  private GrowingOutput(RowSchema schema, RenderOptions options, Duration span, Optional<Writer> stream,
      boolean terminal, Optional<Path> file, Optional<AtomicFileOutput> inPlace) {
    if (options.format() == OutputFormat.JSON) {
      throw new InvalidInputException("--watch cannot write -f json, one document that would never end; "
          + "use -f ndjson (one JSON object per line)");
    }
    if (options.layout() == Layout.WIDE) {
      throw new InvalidInputException("--watch cannot write --layout wide, whose columns come from all rows at once; "
          + "use the long layout");
    }
    this.schema = schema;
    this.options = options;
    this.redraw = options.format() == OutputFormat.PROMETHEUS || options.format() == OutputFormat.CHART;
    this.span = span;
    this.stream = stream;
    this.terminal = terminal;
    this.file = file;
    this.inPlace = inPlace;
  }

  /**
   * Batches written to {@code out}, flushed after each; it is never closed.
   *
   * @param span how far back a redrawn format (prometheus, chart) shows
   * @param terminal whether {@code out} is a terminal, where a redraw replaces what was there
   */
  public static GrowingOutput toStream(RowSchema schema, RenderOptions options, Duration span, Writer out,
      boolean terminal) {
    return new GrowingOutput(schema, options, span, Optional.of(out), terminal, Optional.empty(), Optional.empty());
  }

  /**
   * Batches collected in {@code target}; refuses a target that {@link AtomicFileOutput} could not
   * write. A device or FIFO, which cannot be replaced, takes each batch as a stream does, open until
   * {@link #close()}.
   */
  public static GrowingOutput toFile(RowSchema schema, RenderOptions options, Duration span, Path target)
      throws IOException {
    AtomicFileOutput opened = AtomicFileOutput.open(target);
    if (opened.inPlace()) {
      return new GrowingOutput(schema, options, span, Optional.of(opened.writer()), false, Optional.empty(),
          Optional.of(opened));
    }
    opened.close();
    return new GrowingOutput(schema, options, span, Optional.empty(), false, Optional.of(target), Optional.empty());
  }

  /** Closes a device or FIFO written in place; stdout and a replaced file need nothing. */
  @Override
  public void close() throws IOException {
    if (inPlace.isPresent()) {
      inPlace.get().commit();
      inPlace.get().close();
    }
  }

  /** Writes one batch, in time order; the first also when it holds no rows (a header, an empty chart). */
  public void append(List<Row> rows) throws IOException {
    if (started && rows.isEmpty()) {
      return;
    }
    String text = redraw ? rendered(keep(rows), options) : appended(rows);
    if (stream.isPresent()) {
      stream.get().write(redraw && terminal ? CLEAR_SCREEN + text : text);
      stream.get().flush();
    } else {
      Path target = file.orElseThrow();
      try (AtomicFileOutput next = AtomicFileOutput.open(target)) {
        if (!redraw && started && Files.exists(target)) {
          try (Reader previous = Files.newBufferedReader(target, StandardCharsets.UTF_8)) {
            previous.transferTo(next.writer());
          }
        }
        next.writer().write(text);
        next.commit();
      }
    }
    started = true;
  }

  /** What a redraw shows: the rows of the last span, this batch's included. */
  private List<Row> keep(List<Row> rows) {
    shown.addAll(rows);
    if (!shown.isEmpty()) {
      Instant oldest = shown.get(shown.size() - 1).time().minus(span);
      shown.removeIf(row -> !row.time().isAfter(oldest));
    }
    return shown;
  }

  /** The batch as it continues what was written before: without header and byte-order mark after the first. */
  private String appended(List<Row> rows) throws IOException {
    if (!started || !options.header() && !options.bom()) {
      return rendered(rows, options);
    }
    if (options.format() == OutputFormat.TABLE) {
      // Laid out with the header, which is then dropped, so that the columns line up with the first batch's.
      String table = rendered(rows, options);
      return table.substring(table.indexOf('\n') + 1);
    }
    return rendered(rows, new RenderOptions(options.format(), false, options.zone(), options.layout(),
        options.timeFormat(), false, options.crlf(), options.sampleTimestamps(), options.terminal()));
  }

  private String rendered(List<Row> rows, RenderOptions batch) throws IOException {
    StringWriter out = new StringWriter();
    // A table's summary would sum up one poll only; a watch is about the rows.
    RowSink sink = batch.format() == OutputFormat.TABLE ? new TableRenderer(out, batch, false)
        : Renderers.create(batch, out);
    sink.begin(schema);
    for (Row row : rows) {
      sink.accept(row);
    }
    sink.end();
    return out.toString();
  }
}
