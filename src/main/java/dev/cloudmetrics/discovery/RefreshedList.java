package dev.cloudmetrics.discovery;

import dev.cloudmetrics.failure.CloudMetricsException;
import dev.cloudmetrics.time.TimeExpressions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The apps or streams a long-running mode follows, listed again every {@code every}: a poll loop
 * asks {@link #current()} before each poll and gets the list to poll for. A failed listing keeps the
 * last good list (said in a notice) and is tried again at the next poll; a changed list is noted.
 * The listing goes through the command's one transport, so it counts against the same budget.
 */
public final class RefreshedList {
  /** Lists the names anew (one or more API calls); throws the failure types of {@code failure/}. */
  @FunctionalInterface
  public interface Lister {
    List<String> list();
  }

  private final String what;
  private final Lister lister;
  private final Duration every;
  private final Clock clock;
  private final ZoneId zone;
  private final Consumer<String> notices;
  private List<String> names;
  private Instant listedAt;
  private boolean failing;

  /**
   * @param what the plural noun of the notices, e.g. "apps" or "streams"
   * @param first the list already made at {@code listedAt}, the first one polled for
   * @param zone the zone of the times in notices
   */
  public RefreshedList(String what, Lister lister, Duration every, List<String> first, Instant listedAt, Clock clock,
      ZoneId zone, Consumer<String> notices) {
    this.what = what;
    this.lister = lister;
    this.every = every;
    this.names = List.copyOf(first);
    this.listedAt = listedAt;
    this.clock = clock;
    this.zone = zone;
    this.notices = notices;
  }

  /** When the list is next listed again (after a failure: at the next poll). */
  public Instant dueAt() {
    return failing ? listedAt : listedAt.plus(every);
  }

  /**
   * The names to poll for now: the list made again first if it is due. Only an interruption
   * (Ctrl-C during the listing) leaves as an exception, with the thread's interrupt flag set.
   */
  public List<String> current() {
    Instant now = clock.instant();
    if (now.isBefore(dueAt())) {
      return names;
    }
    List<String> fresh;
    try {
      fresh = List.copyOf(new LinkedHashSet<>(lister.list()));
    } catch (CloudMetricsException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e;
      }
      notices.accept("listing the " + what + " again failed (" + e.getMessage() + "); still following the "
          + names.size() + " listed at " + TimeExpressions.format(listedAt, zone) + ", and trying again at the next poll");
      failing = true;
      return names;
    }
    if (failing) {
      notices.accept("listing the " + what + " works again");
      failing = false;
    }
    noteChanges(names, fresh);
    names = fresh;
    listedAt = now;
    return names;
  }

  private void noteChanges(List<String> before, List<String> after) {
    Set<String> added = new LinkedHashSet<>(after);
    before.forEach(added::remove);
    Set<String> gone = new LinkedHashSet<>(before);
    after.forEach(gone::remove);
    List<String> parts = new ArrayList<>();
    if (!added.isEmpty()) {
      parts.add(added.size() + " new (" + String.join(", ", shortList(added)) + ")");
    }
    if (!gone.isEmpty()) {
      parts.add(gone.size() + " gone (" + String.join(", ", shortList(gone)) + ")");
    }
    if (!parts.isEmpty()) {
      notices.accept("the " + what + " listed again: " + String.join(", ", parts) + "; now " + after.size());
    }
  }

  /** A notice line names at most five; the output itself shows the rest. */
  private static List<String> shortList(Set<String> names) {
    List<String> all = new ArrayList<>(names);
    if (all.size() <= 5) {
      return all;
    }
    List<String> first = new ArrayList<>(all.subList(0, 5));
    first.add("...");
    return first;
  }
}
