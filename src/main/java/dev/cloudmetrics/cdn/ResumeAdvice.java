package dev.cloudmetrics.cdn;

import dev.cloudmetrics.time.TimeExpressions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the message of a failed planned run says about carrying on: times in {@code zone}, and
 * whether the rows written before the failure stay ({@code partialOutputKept}: stdout) or were
 * thrown away (an --output file, replaced only by a whole result); {@code resumedBySync}: the rows
 * went to a --sync DEST, whose next run resumes by itself.
 */
public record ResumeAdvice(ZoneId zone, boolean partialOutputKept, boolean resumedBySync) {

  public ResumeAdvice(ZoneId zone, boolean partialOutputKept) {
    this(zone, partialOutputKept, false);
  }

  /** For --sync: DEST keeps every whole bucket fetched. */
  public static ResumeAdvice forSync(ZoneId zone) {
    return new ResumeAdvice(zone, true, true);
  }

  /** How to carry on when every bucket through {@code writtenThrough} has been written. */
  String after(RequestPlan plan, Optional<Instant> writtenThrough) {
    if (resumedBySync) {
      return writtenThrough.map(t -> "every bucket before " + show(t.plus(plan.query().granularity().duration()))
          + " is in DEST").orElse("nothing was written") + "; the next --sync run resumes from there";
    }
    if (!partialOutputKept) {
      return "the --output file was left as it was; run again to retry";
    }
    if (writtenThrough.isEmpty()) {
      return "no bucket was complete, nothing was written; run again to retry";
    }
    String next = show(writtenThrough.get().plus(plan.query().granularity().duration()));
    return "every bucket before " + next + " was written; to fetch the rest, run again with --start " + next
        + " --end " + show(plan.query().window().end());
  }

  String show(Instant instant) {
    return TimeExpressions.format(instant, zone);
  }
}
