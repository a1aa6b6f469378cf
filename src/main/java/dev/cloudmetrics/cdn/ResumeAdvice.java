package dev.cloudmetrics.cdn;

import dev.cloudmetrics.time.TimeExpressions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the message of a failed planned run says about carrying on: times in {@code zone}, and
 * whether the rows written before the failure stay ({@code partialOutputKept}: stdout) or were
 * thrown away (an --output file, replaced only by a whole result).
 */
public record ResumeAdvice(ZoneId zone, boolean partialOutputKept) {

  /** How to carry on when every bucket through {@code writtenThrough} has been written. */
  String after(RequestPlan plan, Optional<Instant> writtenThrough) {
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
