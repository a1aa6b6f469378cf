package dev.cloudmetrics.rtc;

import dev.cloudmetrics.failure.ApiErrorException;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.time.Buckets;
import dev.cloudmetrics.time.Sleeper;
import dev.cloudmetrics.time.TimeExpressions;
import dev.cloudmetrics.time.TimeWindow;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code --watch}: prints the complete buckets of the first window, then polls and prints every
 * bucket once, as soon as it is complete, for every app and indicator, until interrupted. Each poll
 * asks from the first bucket not yet printed, so after failed polls the next good one fills the gap.
 */
public final class RealtimeWatch {
  /** How long after a bucket's documented completion it is polled for, as the service's lateness varies a little. */
  static final Duration SETTLE = Duration.ofSeconds(2);

  /** Where each successful poll's new rows go, in time order; called once per poll, also with none. */
  @FunctionalInterface
  public interface Printer {
    void print(List<Row> rows) throws IOException;
  }

  private final RealtimeClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ZoneId zone;
  private final Consumer<String> notices;

  /**
   * @param zone the zone of the times in notices
   * @param notices receives one line for each failed poll, recovery and lost stretch
   */
  public RealtimeWatch(RealtimeClient client, Clock clock, Sleeper sleeper, ZoneId zone, Consumer<String> notices) {
    this.client = client;
    this.clock = clock;
    this.sleeper = sleeper;
    this.zone = zone;
    this.notices = notices;
  }

  /**
   * Runs until the thread is interrupted (Ctrl-C), then returns, the rows of every finished poll
   * printed; the interruption is the watch's end, so it is consumed. Throws when a poll fails in a
   * way that no later poll mends (credentials, an app id the API refuses); a throttled, failing or
   * unreachable service is polled again.
   */
  public void run(RealtimeQuery first, Duration interval, Printer printer) throws IOException {
    run(first, interval, printer, first::appIds);
  }

  /**
   * The same, asking {@code apps} before each poll which apps to poll for (--app-id all refreshed
   * every --discover-every): a new app's rows start with the next bucket printed, an app gone has none.
   */
  public void run(RealtimeQuery first, Duration interval, Printer printer, Supplier<List<String>> apps)
      throws IOException {
    try {
      watch(first, interval, printer, apps);
    } catch (InterruptedException stopped) {
      // Ctrl-C: how a watch ends, not a failure.
    }
  }

  private void watch(RealtimeQuery first, Duration interval, Printer printer, Supplier<List<String>> apps)
      throws IOException, InterruptedException {
    Instant next = Buckets.rtcBucket(first.window().start());
    boolean failing = false;
    while (true) {
      Instant polled = clock.instant();
      Instant now = polled.truncatedTo(ChronoUnit.SECONDS);
      Instant completeBefore = RealtimeQueries.completeBefore(now);
      if (next.isBefore(completeBefore)) {
        Instant from = latest(next, now.minus(RealtimeQueries.HISTORY).plus(RealtimeQueries.EDGE_MARGIN));
        Instant available = Buckets.rtcBucket(from);
        if (available.isAfter(next)) {
          notices.accept("the buckets from " + show(next) + " to before " + show(available) + " are no longer "
              + "available (the API keeps 60 minutes) and are missing from the output");
          next = available;
        }
        TimeWindow window = new TimeWindow(from, now);
        Optional<List<Row>> rows = poll(() -> first.withApps(apps.get()).over(window, completeBefore), now, next);
        if (rows.isPresent()) {
          Instant printedFrom = next;
          print(printer, rows.get().stream().filter(row -> !row.time().isBefore(printedFrom)).toList());
          if (failing) {
            notices.accept("polling works again: the buckets from " + show(printedFrom) + " on are filled in");
          }
          failing = false;
          next = completeBefore;
        } else {
          failing = true;
        }
      }
      sleeper.sleep(Duration.between(clock.instant(), nextPoll(polled, interval, next)));
    }
  }

  /** The poll's rows, or empty (said in a notice) when it failed in a way that a later poll may not. */
  private Optional<List<Row>> poll(Supplier<RealtimeQuery> query, Instant now, Instant next)
      throws InterruptedException {
    try {
      return Optional.of(client.rows(query.get()));
    } catch (ApiErrorException | ServiceFailureException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted during a poll");
      }
      if (e instanceof ApiErrorException api && !api.error().isTransient() && api.error().httpStatus() < 500) {
        throw e;
      }
      notices.accept("the poll at " + show(now) + " failed (" + e.getMessage() + "); still watching: the next poll "
          + "asks again from " + show(next));
      return Optional.empty();
    }
  }

  /** An output file's channel closes when its thread is interrupted: that is Ctrl-C, not a failure. */
  private static void print(Printer printer, List<Row> rows) throws IOException, InterruptedException {
    try {
      printer.print(rows);
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while printing");
      }
      throw e;
    }
  }

  /**
   * The first moment a bucket turns complete (plus {@link #SETTLE}) that is at least an interval
   * after the last poll and not before the next bucket to print is complete: polls land just after
   * buckets do, so a wall screen is never more than a few seconds behind.
   */
  private static Instant nextPoll(Instant polled, Duration interval, Instant next) {
    Duration afterBucket = RealtimeQueries.DATA_LATENCY.plus(SETTLE);
    Instant earliest = latest(polled.plus(interval), next.plus(Buckets.RTC_BUCKET).plus(afterBucket));
    Instant bucketEnd = Buckets.rtcBucket(earliest.minus(afterBucket));
    Instant due = bucketEnd.plus(afterBucket);
    return due.isBefore(earliest) ? due.plus(Buckets.RTC_BUCKET) : due;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private String show(Instant instant) {
    return TimeExpressions.format(instant, zone);
  }
}
