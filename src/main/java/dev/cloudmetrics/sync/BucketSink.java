package dev.cloudmetrics.sync;

import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.output.RowSink;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the rows a fetch passes on (in time order) into whole buckets for a {@link Destination}:
 * a bucket is handed on once a row of a later one arrives, or at the end of a successful fetch. A
 * bucket still open when a fetch fails is dropped, so that DEST only ever holds whole buckets.
 */
final class BucketSink implements RowSink {
  private final Destination destination;
  private final Instant from;
  private final Instant finalBefore;
  private final List<Row> bucket = new ArrayList<>();
  private Instant bucketStart;
  private long rowsWritten;

  /**
   * @param from rows before it are already in DEST
   * @param finalBefore the first bucket whose values may still grow
   */
  BucketSink(Destination destination, Instant from, Instant finalBefore) {
    this.destination = destination;
    this.from = from;
    this.finalBefore = finalBefore;
  }

  @Override
  public void begin(RowSchema schema) {
    // The destination was opened with the schema already.
  }

  @Override
  public void accept(Row row) throws IOException {
    if (row.time().isBefore(from)) {
      return;
    }
    if (bucketStart != null && !row.time().equals(bucketStart)) {
      if (row.time().isBefore(bucketStart)) {
        throw new IllegalStateException("rows out of time order: " + row.time() + " after " + bucketStart);
      }
      handOn();
    }
    bucketStart = row.time();
    bucket.add(row);
  }

  @Override
  public void end() throws IOException {
    if (bucketStart != null) {
      handOn();
    }
  }

  /** Rows handed on to DEST so far. */
  long rowsWritten() {
    return rowsWritten;
  }

  private void handOn() throws IOException {
    boolean isFinal = bucketStart.isBefore(finalBefore);
    if (isFinal || destination.keepsProvisional()) {
      destination.write(bucketStart, List.copyOf(bucket), isFinal);
      rowsWritten += bucket.size();
    }
    bucket.clear();
    bucketStart = null;
  }
}
