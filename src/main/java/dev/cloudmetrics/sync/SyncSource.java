package dev.cloudmetrics.sync;

import dev.cloudmetrics.output.RowSink;
import java.io.IOException;
import java.time.Instant;

/** The API side of a sync run: how far back it still has data, and its rows from a bucket up to now. */
public interface SyncSource {
  /** The first bucket the API can still give at the run's start. */
  Instant oldestAvailable();

  /** How long the API keeps data, in words, for the notice about a lost span (e.g. {@code 60 minutes}). */
  String keeps();

  /** Writes the rows of every bucket from {@code from} (not before {@link #oldestAvailable()}) up to now, in time order. */
  void fetch(Instant from, RowSink sink) throws IOException;
}
