package dev.cloudmetrics.sync;

import dev.cloudmetrics.output.RenderOptions;
import dev.cloudmetrics.time.FinalBuckets;
import dev.cloudmetrics.time.TimeExpressions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One {@code --sync DEST} run: opens DEST (lock, checks, where to resume), fetches from there (or
 * from the oldest bucket the API still has, naming the lost span) up to now, and writes whole
 * buckets: final ones to every DEST, newer ones marked provisional to a database. What was fetched
 * before a failure stays committed; the next run resumes after it. A failed write to DEST ends the
 * run at DEST's last commit.
 */
public final class SyncRun {
  /** How long a run waits for another run on the same DEST to finish before giving up. */
  public static final Duration LOCK_WAIT = Duration.ofSeconds(10);

  /**
   * What the run needs besides the API: DEST as typed, how CSV is written (its time format, zone
   * and byte-order mark), where PostgreSQL credentials come from (environment and home), how long
   * to wait for DEST's lock, and where notices go (one line each).
   */
  public record Settings(String dest, RenderOptions csv, Map<String, String> environment, Path home,
      Duration lockWait, Consumer<String> notices) {}

  private SyncRun() {}

  /**
   * Brings DEST up to date with {@code source}.
   *
   * @param backfillStart where a series that DEST lacks begins (--start/--last)
   */
  public static void run(Settings settings, SyncTable table, SyncSource source, FinalBuckets buckets,
      Instant backfillStart, Instant now) throws IOException {
    // DEST is written on a thread of its own, so that the requests go on while it writes.
    try (Destination destination = new WriterThread(SyncTarget.parse(settings.dest()).open(settings))) {
      Destination.Resume resume = destination.open(table, buckets, backfillStart);
      // A first run's --start may fall inside a bucket: the bucket holding it is the first one DEST gets.
      Instant from = buckets.bucketOf(resume.from());
      Instant oldest = source.oldestAvailable();
      if (from.isBefore(oldest)) {
        if (!resume.fresh()) {
          ZoneId zone = settings.csv().zone();
          settings.notices().accept("the buckets from " + TimeExpressions.format(from, zone) + " to before "
              + TimeExpressions.format(oldest, zone) + " are no longer available (the API keeps " + source.keeps()
              + ") and are missing from " + settings.dest());
        }
        from = oldest;
      }
      destination.prepare(from);
      BucketSink sink = new BucketSink(destination, from, buckets.finalBefore(now));
      try {
        source.fetch(from, sink);
        sink.end();
      } finally {
        // Also after a failure: every whole bucket fetched stays, and the next run resumes after it.
        destination.commit();
      }
    }
  }
}
