package dev.cloudmetrics.rtc;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.http.RequestPacing;
import dev.cloudmetrics.failure.Validated;
import dev.cloudmetrics.schedule.PollInterval;
import dev.cloudmetrics.time.Buckets;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@code rtc list-realtime} options into a {@link RealtimePlan}: the query (see
 * {@link RealtimeQueries}), the --watch interval and the request rate, every rule checked before
 * anything is sent.
 */
public final class RealtimePlans {
  /** The API's documented ceiling for one account, which every request of a run shares. */
  public static final double DOCUMENTED_REQUESTS_PER_SECOND = 2;
  /** Polling faster than buckets complete finds nothing new. */
  static final Duration SHORTEST_INTERVAL = Buckets.RTC_BUCKET;
  /** Short enough that a failed poll is made up by the next one within the API's 60 minutes. */
  static final Duration LONGEST_INTERVAL = Duration.ofMinutes(30);

  private RealtimePlans() {}

  /**
   * Checks the options at {@code now}.
   *
   * @throws InvalidInputException naming the flag and the value that broke a rule
   */
  public static Validated<RealtimePlan> from(RealtimeArgs args, Instant now) {
    List<String> notices = new ArrayList<>();
    Optional<Duration> interval = watchInterval(args, notices);
    double rate = rate(args.rate());
    Validated<RealtimeQuery> query = RealtimeQueries.from(args, now);
    notices.addAll(query.notices());
    if (rate > DOCUMENTED_REQUESTS_PER_SECOND) {
      notices.add("--rate " + show(rate) + " is above the " + show(DOCUMENTED_REQUESTS_PER_SECOND)
          + " requests per second the API documents for an account; what it throttles is retried");
    }
    return new Validated<>(new RealtimePlan(query.value(), interval, rate), notices);
  }

  private static double rate(String text) {
    return RequestPacing.parseRate(text, show(DOCUMENTED_REQUESTS_PER_SECOND) + ", the API's documented ceiling");
  }

  /** Without --watch, --interval (perhaps a profile's default) does nothing. */
  private static Optional<Duration> watchInterval(RealtimeArgs args, List<String> notices) {
    if (!args.watch()) {
      return Optional.empty();
    }
    if (args.end().isPresent()) {
      throw new InvalidInputException("--end '" + args.end().get() + "' cannot be combined with --watch, which "
          + "follows now; --start or --last choose the history printed first");
    }
    if (args.includeIncomplete()) {
      notices.add("--include-incomplete does nothing with --watch, which prints each bucket once, when it is complete");
    }
    return Optional.of(interval(args.interval()));
  }

  private static Duration interval(String text) {
    return PollInterval.parse(text, SHORTEST_INTERVAL, "the size of a bucket; a shorter one finds nothing new",
        LONGEST_INTERVAL, "so that a failed poll is made up by the next one within the API's 60 minutes");
  }

  /** {@code 2}, {@code 0.5}: without a trailing {@code .0}. */
  private static String show(double number) {
    return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }
}
