package dev.cloudmetrics.sync;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.output.OutputFormat;
import dev.cloudmetrics.output.RenderOptions;
import dev.cloudmetrics.output.Renderers;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSink;
import dev.cloudmetrics.time.FinalBuckets;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV file as DEST: the command's long-layout CSV, header once, only final buckets appended in
 * time order; the file is the state (its last bucket is where the next run resumes). Each bucket
 * is appended whole, and its end recorded in the lock file beside DEST, so that what a killed run
 * left half-written is cut off by the next run before it appends.
 */
final class CsvDestination implements Destination {
  private static final Pattern RECORD = Pattern.compile("committed (\\d+)\n");

  private final Path path;
  private final RenderOptions options;
  private final Duration lockWait;
  private final Consumer<String> notices;
  private final StringWriter pending = new StringWriter();
  private FileLockHolder lock;
  private FileChannel data;
  private long committed;
  private RowSink renderer;
  private SyncTable table;

  CsvDestination(Path path, RenderOptions options, Duration lockWait, Consumer<String> notices) {
    this.path = path;
    this.options = options;
    this.lockWait = lockWait;
    this.notices = notices;
  }

  @Override
  public Resume open(SyncTable syncTable, FinalBuckets buckets, Instant backfillStart) throws IOException {
    this.table = syncTable;
    lock = FileLockHolder.acquire(new FileLockHolder.Target(FileLockHolder.beside(path), path.toString()), lockWait);
    if (path.toFile().exists()) {
      data = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
    long size = data == null ? 0 : data.size();
    long recorded = recorded();
    long whole = recorded >= 0 && recorded <= size ? recorded : CsvTail.lastLineEnd(data, size);
    CsvTail tail = size == 0 ? CsvTail.EMPTY : CsvTail.read(data, whole, options.zone());
    String header = header();
    if (whole > 0 && !tail.header().equals(header)) {
      throw refused("it holds the columns " + tail.header() + ", not the " + header + " of this run "
          + "(another command, or --per-stream where it was merged or the other way round)");
    }
    tail.check(buckets, options.timeFormat()).ifPresent(problem -> {
      throw refused(problem);
    });
    if (whole < size) {
      notices.accept("--sync '" + path + "': cut off " + (size - whole) + " bytes that an interrupted run left "
          + "unfinished; the buckets they held are fetched again");
      data.truncate(whole);
    }
    committed = whole;
    renderer = Renderers.create(new RenderOptions(OutputFormat.CSV, whole == 0, options.zone(), options.layout(),
        options.timeFormat(), options.bom() && whole == 0, false, options.terminal()), pending);
    renderer.begin(syncTable.schema());
    return tail.newest().map(newest -> new Resume(newest.plus(buckets.size()), false))
        .orElse(new Resume(backfillStart, true));
  }

  @Override
  public void prepare(Instant from) {
    // A CSV file holds final buckets only: there is nothing provisional to forget.
  }

  @Override
  public boolean keepsProvisional() {
    return false;
  }

  @Override
  public void write(Instant bucket, List<Row> rows, boolean isFinal) throws IOException {
    for (Row row : rows) {
      renderer.accept(row);
    }
    ByteBuffer bytes = ByteBuffer.wrap(pending.toString().getBytes(StandardCharsets.UTF_8));
    pending.getBuffer().setLength(0);
    if (data == null) {
      data = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
    long at = committed;
    while (bytes.hasRemaining()) {
      at += data.write(bytes, at);
    }
    committed = at;
    record(committed);
  }

  @Override
  public void commit() throws IOException {
    if (data != null) {
      data.force(false);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (data != null) {
        data.close();
      }
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }

  /** The header line this run writes, without its line end. */
  private String header() throws IOException {
    StringWriter text = new StringWriter();
    RowSink headerOnly = Renderers.create(new RenderOptions(OutputFormat.CSV, true, options.zone()), text);
    headerOnly.begin(table.schema());
    headerOnly.end();
    return text.toString().strip();
  }

  /** The length of the file when the last run last appended a whole bucket, or -1 if unknown. */
  private long recorded() throws IOException {
    FileChannel channel = lock.channel();
    ByteBuffer bytes = ByteBuffer.allocate(64);
    channel.read(bytes, 0);
    Matcher matcher = RECORD.matcher(new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII));
    return matcher.lookingAt() ? Long.parseLong(matcher.group(1)) : -1;
  }

  private void record(long length) throws IOException {
    FileChannel channel = lock.channel();
    ByteBuffer bytes = ByteBuffer.wrap(("committed " + length + "\n").getBytes(StandardCharsets.US_ASCII));
    while (bytes.hasRemaining()) {
      channel.write(bytes, bytes.position());
    }
    channel.truncate(bytes.limit());
  }

  private InvalidInputException refused(String why) {
    return new InvalidInputException("--sync '" + path + "': " + why + "; it was left as it was");
  }
}
