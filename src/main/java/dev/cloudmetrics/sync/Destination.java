package dev.cloudmetrics.sync;

import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.time.FinalBuckets;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * What {@code --sync DEST} writes into: a CSV file, SQLite or PostgreSQL. A run opens it (taking
 * its lock and checking that it holds this run's kind of rows), learns where to resume, writes
 * whole buckets in time order, and commits; closing releases the lock.
 */
interface Destination extends AutoCloseable {
  /** Where a run resumes: the first bucket to fetch, and whether DEST held nothing of this run's series yet. */
  record Resume(Instant from, boolean fresh) {}

  /**
   * Locks DEST, refuses one written by another command, granularity or mode (untouched), and says
   * from which bucket this run must fetch; {@code backfillStart} is where a series DEST lacks begins.
   */
  Resume open(SyncTable table, FinalBuckets buckets, Instant backfillStart) throws IOException;

  /** Forgets the provisional rows that this run will not replace: before {@code from}, or of series not asked for. */
  void prepare(Instant from) throws IOException;

  /** Whether buckets that are not final yet are kept (marked so) rather than left out. */
  boolean keepsProvisional();

  /** Writes one whole bucket; {@code isFinal} says whether its values can still change. */
  void write(Instant bucket, List<Row> rows, boolean isFinal) throws IOException;

  /** Makes everything written so far durable; what a killed run had not committed, the next run fetches again. */
  void commit() throws IOException;

  @Override
  void close() throws IOException;
}
