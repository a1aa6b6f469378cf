package dev.cloudmetrics.rtc;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.Validated;
import dev.cloudmetrics.http.Endpoints;
import dev.cloudmetrics.output.TerminalText;
import dev.cloudmetrics.time.Buckets;
import dev.cloudmetrics.time.FinalBuckets;
import dev.cloudmetrics.time.TimeExpressions;
import dev.cloudmetrics.time.TimeWindow;
import dev.cloudmetrics.time.Windows;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns {@code rtc list-realtime} options into a {@link RealtimeQuery}, refusing what the service
 * would refuse (with its error code) and noting what it would answer in a surprising way.
 */
public final class RealtimeQueries {
  /** The indicators the service documents (others are passed on with a note). */
  public static final List<String> KNOWN_INDICATORS = List.of("online_user_count", "online_room_count");
  static final Duration DEFAULT_LAST = Duration.ofMinutes(15);
  /** How far back the service keeps data, and the longest window it takes. */
  static final Duration HISTORY = Duration.ofMinutes(60);
  /**
   * The request reaches the service a moment after we read the clock: a start this close to the
   * 60-minute edge is moved inside it instead of being refused there.
   */
  static final Duration EDGE_MARGIN = Duration.ofSeconds(15);
  static final Duration DATA_LATENCY = FinalBuckets.RTC_LATENCY;

  private static final String MISSING = "MissingParameter";
  private static final String INVALID = "InvalidParameter";
  private static final String OUT_OF_RANGE = "InvalidParameter.OutofTimeRange";

  private RealtimeQueries() {}

  /**
   * Checks the options against the API's documented rules at {@code now}.
   *
   * @throws InvalidInputException naming the flag and the value that broke a rule
   */
  public static Validated<RealtimeQuery> from(RealtimeArgs args, Instant now) {
    List<String> notices = new ArrayList<>();
    List<String> appIds = names(args.appIds(), "--app-id");
    if (appIds.isEmpty()) {
      throw new InvalidInputException(MISSING, "--app-id is required: the RTC application id to query");
    }
    List<String> indicators = args.indicators().isEmpty() ? KNOWN_INDICATORS : names(args.indicators(), "--indicator");
    for (String indicator : indicators) {
      if (!KNOWN_INDICATORS.contains(indicator)) {
        notices.add("indicator '" + indicator + "' is not one this tool knows (" + String.join(", ", KNOWN_INDICATORS)
            + "); it is sent as given");
      }
    }
    RtcRegion region = region(args.region());
    URI endpoint = args.endpoint().map(Endpoints::parse).orElse(region.defaultEndpoint());
    Instant second = now.truncatedTo(ChronoUnit.SECONDS);
    TimeWindow window = window(args, second, notices);
    Optional<Instant> completeBefore = args.includeIncomplete() ? Optional.empty() : Optional.of(completeBefore(second));
    return new Validated<>(new RealtimeQuery(appIds, indicators, window, region, endpoint, completeBefore), notices);
  }

  /**
   * The start of the first bucket that is not complete at {@code now}: a bucket is complete when
   * its end is more than {@link #DATA_LATENCY} ago.
   */
  static Instant completeBefore(Instant now) {
    return FinalBuckets.rtc().finalBefore(now);
  }

  private static TimeWindow window(RealtimeArgs args, Instant now, List<String> notices) {
    Windows.Resolved resolved = Windows.resolve(new Windows.Flags(args.start(), args.end(), args.last()),
        DEFAULT_LAST, args.zone(), now, problem -> Optional.of(INVALID));
    Windows.Bound start = resolved.start().withAt(resolved.start().at().truncatedTo(ChronoUnit.SECONDS));
    Windows.Bound end = resolved.end().withAt(resolved.end().at().truncatedTo(ChronoUnit.SECONDS));
    if (end.at().isAfter(now)) {
      notices.add(end.origin() + " is in the future; the window ends now (" + show(now, args) + ")");
      end = end.withAt(now);
    }
    if (!start.at().isBefore(end.at())) {
      throw new InvalidInputException(INVALID, start.origin() + " (" + show(start.at(), args)
          + ") is not before the window's end (" + show(end.at(), args) + "); a window cannot end after now");
    }
    // With the end at or before now, a start inside the last 60 min also keeps the span within 60 min.
    Instant oldest = now.minus(HISTORY);
    if (start.at().isBefore(oldest)) {
      throw new InvalidInputException(OUT_OF_RANGE, start.origin() + " starts the window at " + show(start.at(), args)
          + ", more than 60 min ago; the API keeps the last 60 min and takes at most 60 min per query");
    }
    Instant safe = oldest.plus(EDGE_MARGIN);
    if (start.at().isBefore(safe)) {
      notices.add(start.origin() + " starts at the API's 60-minute edge; the window starts at " + show(safe, args)
          + " instead, so it is still inside when the request arrives");
      start = start.withAt(safe);
    }
    // Leaving out what is still incomplete is what a window that ends now means, so that is said only
    // when it is a surprise: the user named the end, or nothing of the window is complete yet.
    Instant firstIncomplete = completeBefore(now);
    boolean cut = !Buckets.rtcBucket(end.at()).isBefore(firstIncomplete);
    boolean nothingLeft = !Buckets.rtcBucket(start.at()).isBefore(firstIncomplete);
    if (cut && !args.includeIncomplete() && (args.end().isPresent() || nothingLeft)) {
      notices.add("the buckets from " + show(firstIncomplete, args) + " on are left out: they are incomplete, as data "
          + "arrives about " + DATA_LATENCY.toSeconds() + " s late (--include-incomplete keeps them)");
    }
    return new TimeWindow(start.at(), end.at());
  }

  /** Comma-split, trimmed, de-duplicated in order; a blank name is refused. */
  private static List<String> names(List<String> values, String flag) {
    Set<String> names = new LinkedHashSet<>();
    for (String value : values) {
      for (String name : value.split(",", -1)) {
        if (name.isBlank()) {
          throw new InvalidInputException(MISSING, flag + " '" + value + "': a name is empty");
        }
        if (TerminalText.hasUnsafe(name)) {
          throw new InvalidInputException(flag + " '" + TerminalText.escape(value)
              + "': holds a control or bidirectional-override character; names are printable text");
        }
        names.add(name.strip());
      }
    }
    return List.copyOf(names);
  }

  private static RtcRegion region(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(RtcRegion.values()).filter(r -> r.id().equals(wanted)).findFirst()
        .orElseThrow(() -> new InvalidInputException("--region '" + text + "': not an RTC region; choose "
            + Arrays.stream(RtcRegion.values()).map(RtcRegion::id).collect(Collectors.joining(" or "))));
  }

  private static String show(Instant instant, RealtimeArgs args) {
    return TimeExpressions.format(instant, args.zone());
  }
}
