package dev.cloudmetrics.schedule;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.time.Durations;
import java.time.Duration;

/** --interval: the least time between two polls of a loop, within the bounds its API allows. */
public final class PollInterval {
  private PollInterval() {}

  /**
   * Parses {@code text}, refusing one shorter than {@code shortest} or longer than {@code longest}.
   *
   * @param whyShortest why a shorter interval is refused, as the end of the message
   * @param whyLongest why a longer interval is refused
   * @throws InvalidInputException naming the flag, the value and the rule
   */
  public static Duration parse(String text, Duration shortest, String whyShortest, Duration longest,
      String whyLongest) {
    Duration interval;
    try {
      interval = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("--interval '" + text + "': " + e.getMessage() + "; use " + Durations.FORMS);
    }
    if (interval.compareTo(shortest) < 0) {
      throw new InvalidInputException("--interval '" + text + "': at least " + Durations.format(shortest) + ", "
          + whyShortest);
    }
    if (interval.compareTo(longest) > 0) {
      throw new InvalidInputException("--interval '" + text + "': at most " + Durations.format(longest) + ", "
          + whyLongest);
    }
    return interval;
  }
}
