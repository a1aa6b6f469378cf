package dev.cloudmetrics.cdn;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.Validated;
import dev.cloudmetrics.http.Endpoints;
import dev.cloudmetrics.time.FinalBuckets;
import dev.cloudmetrics.time.TimeExpressions;
import dev.cloudmetrics.time.TimeWindow;
import dev.cloudmetrics.time.Windows;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns {@code cdn online-users} options into an {@link OnlineUsersQuery}, refusing before sending
 * every documented 400 that can be foreseen, under the code the API would answer with; the limits
 * of one request (7 days, 10000 data points) are left to the {@link RequestPlanner}.
 */
public final class OnlineUsersQueries {
  static final Duration DEFAULT_LAST = Duration.ofHours(1);
  static final Duration HISTORY = Duration.ofDays(62);
  /** The longest window of one request. */
  static final Duration LONGEST = Duration.ofDays(7);
  /**
   * The requests reach the service a moment after we read the clock: a start this close to the
   * 62-day edge is moved to a later whole minute instead of being refused there.
   */
  static final Duration EDGE_MARGIN = Duration.ofSeconds(30);
  static final URI DEFAULT_ENDPOINT = URI.create("https://cdn.api.ksyun.com");

  // What KSYun's region names look like: cn-shanghai-1, cn-beijing-6, ap-singapore-1.
  private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)*-[0-9]+");

  private OnlineUsersQueries() {}

  /**
   * Checks the options against the API's documented rules at {@code now}.
   *
   * @throws InvalidInputException naming the flag and the value that broke a rule
   */
  public static Validated<OnlineUsersQuery> from(OnlineUsersArgs args, Instant now) {
    return from(args, now, true);
  }

  /**
   * The same checks for a run with --top, whose streams are discovered afterwards: the query may
   * hold no stream yet (see {@link OnlineUsersQuery#withStreams}).
   */
  public static Validated<OnlineUsersQuery> discovering(OnlineUsersArgs args, Instant now) {
    return from(args, now, false);
  }

  private static Validated<OnlineUsersQuery> from(OnlineUsersArgs args, Instant now, boolean streamsRequired) {
    List<String> notices = new ArrayList<>();
    boolean perStream = OnlineUsersParameters.perStream(args);
    Granularity granularity = args.granularity().map(OnlineUsersParameters::granularity).orElse(Granularity.M5);
    List<BillingRegion> regions = OnlineUsersParameters.regions(args.regions());
    List<String> streams = OnlineUsersParameters.streams(args, streamsRequired);
    URI endpoint = args.endpoint().map(Endpoints::parse).orElse(DEFAULT_ENDPOINT);
    String signingRegion = args.signingRegion().strip();
    if (signingRegion.isEmpty()) {
      throw new InvalidInputException("--signing-region must not be empty (the default is cn-shanghai-1)");
    }
    if (!REGION_NAME.matcher(signingRegion).matches()) {
      throw new InvalidInputException("--signing-region '" + args.signingRegion()
          + "': not a region name; expected lower-case words and a number joined by '-', e.g. cn-shanghai-1 or cn-beijing-6");
    }
    // Longer than 7 days or more than 10000 data points is not refused: the RequestPlanner cuts it.
    TimeWindow window = window(args, granularity, now, notices);
    return new Validated<>(
        new OnlineUsersQuery(streams, regions, granularity, perStream, window, signingRegion, endpoint), notices);
  }

  private static TimeWindow window(OnlineUsersArgs args, Granularity granularity, Instant now, List<String> notices) {
    Windows.Resolved resolved = Windows.resolve(new Windows.Flags(args.start(), args.end(), args.last()),
        DEFAULT_LAST, args.zone(), now, problem -> Optional.of(switch (problem) {
          case MALFORMED_START -> "InvalidStartTime.Malformed";
          case MALFORMED_END -> "InvalidEndTime.Malformed";
          case MALFORMED_LAST -> "InvalidStartTime.Malformed";
          case END_NOT_AFTER_START -> "InvalidEndTime.Mismatch";
        }));
    Instant nowMinute = now.truncatedTo(ChronoUnit.MINUTES);
    Windows.Bound end = resolved.end();
    if (end.at().isAfter(now)) {
      if (end.typed()) {
        notices.add(end.origin() + " is in the future; the window ends now (" + show(nowMinute, args) + ")");
      }
      end = new Windows.Bound(nowMinute, end.origin(), false);
    }
    Instant start = toMinute(resolved.start(), "starts", args, notices);
    Instant endMinute = toMinute(end, "ends", args, notices);
    if (!endMinute.isAfter(start)) {
      throw new InvalidInputException("InvalidEndTime.Mismatch", end.origin() + " (" + show(endMinute, args)
          + ") must be later than " + resolved.start().origin() + " (" + show(start, args) + ") in whole minutes");
    }
    if (!args.includeIncomplete()) {
      endMinute = finalEnd(args, granularity, now, start, endMinute, notices);
    }
    if (start.isBefore(nowMinute.minus(HISTORY))) {
      throw new InvalidInputException("InvalidTime", resolved.start().origin() + " starts the window at "
          + show(start, args) + ", more than 62 days ago; the API keeps the last 62 days");
    }
    Instant safe = now.minus(HISTORY).plus(EDGE_MARGIN);
    if (start.isBefore(safe)) {
      Instant floor = safe.truncatedTo(ChronoUnit.MINUTES);
      Instant moved = floor.equals(safe) ? safe : floor.plus(Duration.ofMinutes(1));
      if (!endMinute.isAfter(moved)) {
        throw new InvalidInputException("InvalidTime", resolved.start().origin() + " starts the window at "
            + show(start, args) + ", on the edge of the 62 days the API keeps, and it ends before "
            + show(moved, args) + ", where it would have to start to be inside when the request arrives");
      }
      notices.add(resolved.start().origin() + " starts at the API's 62-day edge; the window starts at "
          + show(moved, args) + " instead, so it is still inside when the requests arrive");
      start = moved;
    }
    return new TimeWindow(start, endMinute);
  }

  /**
   * The window's end moved back to the first bucket that is not final yet (ended within the last 8
   * minutes: its peak may still grow), as RTC leaves out its last 20 s. Said only when --end named
   * that time, since leaving them out is what a window ending now means; a window with no final
   * bucket at all is refused.
   */
  private static Instant finalEnd(OnlineUsersArgs args, Granularity granularity, Instant now, Instant start,
      Instant end, List<String> notices) {
    Instant firstIncomplete = FinalBuckets.cdn(granularity.duration()).finalBefore(now);
    // The API's EndTime takes in the bucket that starts at it: the last minute before is the end.
    Instant lastFinal = firstIncomplete.minus(Duration.ofMinutes(1));
    if (!end.isAfter(lastFinal)) {
      return end;
    }
    String why = "CDN data arrives 3-" + FinalBuckets.CDN_LATENCY.toMinutes() + " minutes late";
    if (!lastFinal.isAfter(start)) {
      throw new InvalidInputException("the window " + show(start, args) + " to " + show(end, args)
          + " holds no final bucket yet (" + why + "): end it before " + show(firstIncomplete, args)
          + ", or --include-incomplete fetches the values as they are now");
    }
    if (args.end().isPresent()) {
      notices.add("the buckets from " + show(firstIncomplete, args) + " on are left out: they are incomplete, as "
          + why + " (--include-incomplete keeps them)");
    }
    return lastFinal;
  }

  /** The API takes whole minutes; the user hears about it only for a time they typed themselves. */
  private static Instant toMinute(Windows.Bound bound, String verb, OnlineUsersArgs args, List<String> notices) {
    Instant minute = bound.at().truncatedTo(ChronoUnit.MINUTES);
    if (bound.typed() && !minute.equals(bound.at())) {
      notices.add(bound.origin() + " has seconds but the API takes whole minutes; the window " + verb + " at "
          + show(minute, args));
    }
    return minute;
  }

  private static String show(Instant instant, OnlineUsersArgs args) {
    return TimeExpressions.format(instant, args.zone());
  }
}
