package dev.cloudmetrics.schedule;

import dev.cloudmetrics.failure.ApiErrorException;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.time.Durations;
import dev.cloudmetrics.time.FinalBuckets;
import dev.cloudmetrics.time.Sleeper;
import dev.cloudmetrics.time.TimeExpressions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one schedule of "the next final bucket" behind --watch and --serve: polls a
 * {@link BucketSource} just after each bucket turns final, at least an interval apart, and hands on
 * every final bucket once, in order. Each poll asks from the first bucket not yet handed on, so
 * after failed polls the next good one fills the gap; what the API no longer keeps is named.
 */
public final class BucketLoop {
  /** How long after a bucket's documented finality it is polled for, as the service's lateness varies a little. */
  public static final Duration SETTLE = Duration.ofSeconds(2);

  /** Where each good poll's new final rows go, in time order; called once per poll, also with none. */
  @FunctionalInterface
  public interface Printer {
    /**
     * Takes the rows of the buckets before {@code finalBefore} not handed on before.
     *
     * @return false when nobody is left to print for (the loop then ends)
     */
    boolean print(List<Row> rows, Instant finalBefore) throws IOException;
  }

  private final BucketSource source;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ZoneId zone;
  private final Consumer<String> notices;

  /**
   * @param zone the zone of the times in notices
   * @param notices receives one line for each failed poll, recovery and lost stretch
   */
  public BucketLoop(BucketSource source, Clock clock, Sleeper sleeper, ZoneId zone, Consumer<String> notices) {
    this.source = source;
    this.clock = clock;
    this.sleeper = sleeper;
    this.zone = zone;
    this.notices = notices;
  }

  /**
   * Hands on the final buckets from the one holding {@code first}, then each new one, until the
   * thread is interrupted or the printer gives up. Throws when a poll fails in a way no later poll
   * mends (credentials, a name the API refuses); a throttled, failing or unreachable service is
   * polled again.
   */
  public Stopped run(Instant first, Duration interval, Printer printer) throws IOException {
    try {
      return loop(first, interval, printer);
    } catch (InterruptedException stopped) {
      // Ctrl-C or SIGTERM: how a loop ends, not a failure.
      return Stopped.INTERRUPTED;
    }
  }

  private Stopped loop(Instant first, Duration interval, Printer printer) throws IOException, InterruptedException {
    FinalBuckets buckets = source.buckets();
    Instant next = buckets.bucketOf(first);
    if (!next.isBefore(buckets.finalBefore(clock.instant()))) {
      // Else a watch of a short window shows nothing for minutes, as if it hung.
      notices.accept("no bucket from " + show(next) + " on is final yet (data arrives up to "
          + Durations.format(buckets.latency()) + " late); the first is due at " + show(buckets.finalAt(next).plus(SETTLE)));
    }
    boolean failing = false;
    while (true) {
      Instant polled = clock.instant();
      Instant now = polled.truncatedTo(ChronoUnit.SECONDS);
      Instant finalBefore = buckets.finalBefore(now);
      if (next.isBefore(finalBefore)) {
        Instant from = latest(next, source.oldestAvailable(now));
        Instant available = buckets.bucketOf(from);
        if (available.isAfter(next)) {
          notices.accept("the buckets from " + show(next) + " to before " + show(available) + " are no longer "
              + "available (the API keeps " + kept(source.history()) + ") and are missing from the output");
          next = available;
        }
        Optional<List<Row>> rows = poll(from, finalBefore, now, next);
        if (rows.isPresent()) {
          Instant printedFrom = next;
          if (!print(printer, rows.get().stream().filter(row -> !row.time().isBefore(printedFrom)).toList(),
              finalBefore)) {
            return Stopped.NOBODY_READING;
          }
          if (failing) {
            notices.accept("polling works again: the buckets from " + show(printedFrom) + " on are filled in");
          }
          failing = false;
          next = finalBefore;
        } else {
          failing = true;
        }
      }
      sleeper.sleep(Duration.between(clock.instant(), nextPoll(buckets, polled, interval, next)));
    }
  }

  /** The poll's rows, or empty (said in a notice) when it failed in a way that a later poll may not. */
  private Optional<List<Row>> poll(Instant from, Instant finalBefore, Instant now, Instant next)
      throws InterruptedException {
    try {
      return Optional.of(source.fetch(source.series(), from, finalBefore, now));
    } catch (ApiErrorException | ServiceFailureException e) {
      // A request or a wait cut short by Ctrl-C surfaces as a failure; the flag says which it was.
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
  private static boolean print(Printer printer, List<Row> rows, Instant finalBefore)
      throws IOException, InterruptedException {
    try {
      return printer.print(rows, finalBefore);
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while printing");
      }
      throw e;
    }
  }

  /**
   * The first moment a bucket turns final (plus {@link #SETTLE}) that is at least an interval after
   * the last poll and not before the next bucket to hand on is final: polls land just after buckets
   * do, so a wall screen is never more than a few seconds behind.
   */
  static Instant nextPoll(FinalBuckets buckets, Instant polled, Duration interval, Instant next) {
    Duration afterBucket = buckets.latency().plus(SETTLE);
    Instant earliest = latest(polled.plus(interval), next.plus(buckets.size()).plus(afterBucket));
    Instant bucketEnd = buckets.bucketOf(earliest.minus(afterBucket));
    Instant due = bucketEnd.plus(afterBucket);
    return due.isBefore(earliest) ? due.plus(buckets.size()) : due;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String kept(Duration history) {
    return history.toDays() >= 2 ? history.toDays() + " days" : history.toMinutes() + " minutes";
  }

  private String show(Instant instant) {
    return TimeExpressions.format(instant, zone);
  }
}
