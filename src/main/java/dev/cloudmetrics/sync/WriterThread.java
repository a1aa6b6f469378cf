package dev.cloudmetrics.sync;

import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.time.FinalBuckets;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Writes a {@link Destination}'s buckets on a thread of its own, fed through a bounded queue, so
 * that the requests go on being sent and stitched while DEST writes (before, every insert stopped
 * the fetching). The guarantees stay those of the destination: buckets are written in the order
 * they were handed on, each whole; {@link #commit} waits for every bucket handed on and then commits;
 * a failed write stops the writer, is thrown to the run at its next {@link #write} or at
 * {@link #commit}, and then nothing more is committed (the open transaction is rolled back on close),
 * so DEST ends at its last commit, which is where the next run resumes.
 */
final class WriterThread implements Destination {
  /** Rows handed on but not yet written, at most: few enough to die young (some MiB), enough to keep both busy. */
  static final int MAX_QUEUED_ROWS = 20_000;

  private record Bucket(Instant start, List<Row> rows, boolean isFinal) {}

  private final Destination destination;
  private final int maxQueuedRows;
  private final ArrayDeque<Bucket> queue = new ArrayDeque<>();
  private int queuedRows;
  /** No more buckets come: the writer ends once the queue is empty. */
  private boolean ended;
  /** The run was interrupted: the writer ends after the bucket it is writing. */
  private boolean abandoned;
  private Throwable failure;
  private Thread thread;

  WriterThread(Destination destination) {
    this(destination, MAX_QUEUED_ROWS);
  }

  WriterThread(Destination destination, int maxQueuedRows) {
    this.destination = destination;
    this.maxQueuedRows = maxQueuedRows;
  }

  @Override
  public Resume open(SyncTable table, FinalBuckets buckets, Instant backfillStart) throws IOException {
    return destination.open(table, buckets, backfillStart);
  }

  @Override
  public void prepare(Instant from) throws IOException {
    destination.prepare(from);
  }

  @Override
  public boolean keepsProvisional() {
    return destination.keepsProvisional();
  }

  /** Queues one whole bucket; waits while the queue is full; throws the writer's failure, if any. */
  @Override
  public void write(Instant bucket, List<Row> rows, boolean isFinal) throws IOException {
    synchronized (this) {
      if (thread == null) {
        thread = new Thread(this::drain, "cloudmetrics-sync-writer");
        thread.setDaemon(true);
        thread.start();
      }
      try {
        // A bucket bigger than the whole queue still goes in, alone.
        while (failure == null && queuedRows > 0 && queuedRows + rows.size() > maxQueuedRows) {
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while DEST was being written");
      }
      if (failure != null) {
        throw rethrown();
      }
      queue.addLast(new Bucket(bucket, rows, isFinal));
      queuedRows += rows.size();
      notifyAll();
    }
  }

  /**
   * Waits until every bucket handed on is written (when interrupted: only the one being written),
   * then commits; after a failed write, throws that failure and commits nothing.
   */
  @Override
  public void commit() throws IOException {
    Thread writer;
    synchronized (this) {
      ended = true;
      notifyAll();
      writer = thread;
    }
    boolean interrupted = false;
    if (writer != null) {
      while (writer.isAlive()) {
        try {
          writer.join();
        } catch (InterruptedException e) {
          // Ctrl-C: what is written so far is committed; the rest of the queue is left.
          interrupted = true;
          synchronized (this) {
            abandoned = true;
            notifyAll();
          }
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (failure != null) {
        throw rethrown();
      }
    }
    destination.commit();
  }

  @Override
  public void close() throws IOException {
    Thread writer;
    synchronized (this) {
      ended = true;
      abandoned = true;
      notifyAll();
      writer = thread;
    }
    if (writer != null) {
      // Not committed (open failed, or commit was never reached): the writer stops after its bucket.
      boolean interrupted = false;
      while (writer.isAlive()) {
        try {
          writer.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    destination.close();
  }

  private void drain() {
    while (true) {
      Bucket next;
      synchronized (this) {
        while (queue.isEmpty() && !ended && !abandoned) {
          try {
            wait();
          } catch (InterruptedException e) {
            // Nobody interrupts this thread; the flags say when to stop.
          }
        }
        if (abandoned || queue.isEmpty()) {
          return;
        }
        next = queue.peekFirst();
      }
      try {
        destination.write(next.start(), next.rows(), next.isFinal());
      } catch (IOException | RuntimeException | Error e) {
        fail(e);
        return;
      }
      synchronized (this) {
        queue.removeFirst();
        queuedRows -= next.rows().size();
        notifyAll();
      }
    }
  }

  /** The writer's failure, to be thrown on the run's thread as it was thrown on the writer's. */
  private IOException rethrown() {
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return (IOException) failure;
  }

  private synchronized void fail(Throwable e) {
    failure = e;
    queue.clear();
    queuedRows = 0;
    notifyAll();
  }
}
