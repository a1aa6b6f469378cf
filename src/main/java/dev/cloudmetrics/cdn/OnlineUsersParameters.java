package dev.cloudmetrics.cdn;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.time.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the non-time options of {@code cdn online-users}: layout, granularity, regions and streams. */
final class OnlineUsersParameters {
  private static final String GRANULARITY_FORMS =
      "1, 5, 10, 20, 60, 240, 480 or 1440 minutes, or 1m, 5m, 10m, 20m, 1h, 4h, 8h, 1d";

  private OnlineUsersParameters() {}

  static boolean perStream(OnlineUsersArgs args) {
    if (args.resultType().isEmpty()) {
      return args.perStream();
    }
    String text = args.resultType().get();
    String value = text.strip();
    if (!value.equals("0") && !value.equals("1")) {
      throw new InvalidInputException("InvalidResultType", "--result-type '" + text
          + "': expected 0 (merged) or 1 (per stream and region)");
    }
    if (value.equals("0") && args.perStream()) {
      throw new InvalidInputException("--result-type 0 (one merged series) contradicts --per-stream (ResultType 1);"
          + " give only one of them");
    }
    return value.equals("1");
  }

  static Granularity granularity(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      long minutes = value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 6
          ? Long.parseLong(value)
          : minutesOf(Durations.parse(value));
      for (Granularity granularity : Granularity.values()) {
        if (granularity.minutes() == minutes) {
          return granularity;
        }
      }
    } catch (IllegalArgumentException e) {
      // not a number of minutes nor a duration: the same refusal as a size the API does not offer
    }
    throw new InvalidInputException("InvalidGranularity", "--granularity '" + text + "': expected " + GRANULARITY_FORMS);
  }

  private static long minutesOf(Duration duration) {
    return duration.toSecondsPart() == 0 ? duration.toMinutes() : -1;
  }

  static List<BillingRegion> regions(List<String> values) {
    Set<BillingRegion> regions = new LinkedHashSet<>();
    for (String value : values) {
      for (String code : value.split(",", -1)) {
        regions.add(region(code.strip(), value));
      }
    }
    return regions.isEmpty() ? List.of(BillingRegion.CN) : List.copyOf(regions);
  }

  private static BillingRegion region(String code, String value) {
    for (BillingRegion region : BillingRegion.values()) {
      if (region.name().equalsIgnoreCase(code)) {
        return region;
      }
    }
    throw new InvalidInputException("InvalidRegion", "--regions '" + value + "': unknown region '" + code
        + "'; expected " + Arrays.stream(BillingRegion.values()).map(Enum::name).collect(Collectors.joining(", ")));
  }

  /** {@code required}: false with --top, whose streams are added after discovery. */
  static List<String> streams(OnlineUsersArgs args, boolean required) {
    Set<String> urls = new LinkedHashSet<>();
    for (String value : args.streams()) {
      for (String entry : value.split(",")) {
        addStream(urls, entry, "--stream");
      }
    }
    for (String entry : args.streamsFromFile()) {
      addStream(urls, entry, "--streams-file entry");
    }
    if (urls.isEmpty() && required) {
      throw new InvalidInputException("RequiresInputValue",
          "no stream given: name at least one with --stream URL or --streams-file FILE");
    }
    return List.copyOf(urls);
  }

  private static void addStream(Set<String> urls, String entry, String source) {
    if (entry.isBlank()) {
      return;
    }
    StreamUrls.refuseUnsafe(entry, source);
    String url = StreamUrls.normalize(entry);
    int space = entry.strip().indexOf(' ');
    if (space >= 0) {
      throw new InvalidInputException(source + " '" + entry.strip() + "': a space at character " + (space + 1)
          + "; a URL has none (a space in a stream name is written %20)");
    }
    if (!StreamUrls.isAbsolute(url)) {
      throw new InvalidInputException(source + " '" + entry.strip()
          + "': not a stream URL; give an absolute URL with a scheme and a host, e.g. rtmp://live.example.com/app/stream");
    }
    urls.add(url);
  }
}
