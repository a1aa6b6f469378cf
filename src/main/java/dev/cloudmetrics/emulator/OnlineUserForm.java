package dev.cloudmetrics.emulator;

import dev.cloudmetrics.cdn.BillingRegion;
import dev.cloudmetrics.http.FormEncoding;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The form of a {@code GetLiveOnlineUserDataByStream} request, read and checked in the CDN
 * service's order; each refusal carries its documented status, code and message.
 */
record OnlineUserForm(String startText, String endText, Instant start, Instant end, List<String> streams,
    List<String> regions, int resultType, int granularity) {
  private static final Pattern WIRE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}\\+0800");
  private static final DateTimeFormatter LOCAL_MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);
  private static final Set<Integer> GRANULARITIES = Set.of(1, 5, 10, 20, 60, 240, 480, 1440);
  private static final long MAX_DATA_POINTS = 10_000;
  private static final String HLS_SUFFIX = "/index.m3u8";

  OnlineUserForm {
    streams = List.copyOf(streams);
    regions = List.copyOf(regions);
  }

  /** The checked form, judged at {@code now}; a {@link Rejection} when the service would refuse it. */
  static OnlineUserForm read(byte[] body, Instant now) {
    Map<String, String> form = new HashMap<>();
    for (Map.Entry<String, String> parameter : FormEncoding.decode(new String(body, StandardCharsets.UTF_8))) {
      form.putIfAbsent(parameter.getKey(), parameter.getValue());
    }
    List<String> streams = streams(form.getOrDefault("StreamUrls", ""));
    String startText = form.getOrDefault("StartTime", "");
    String endText = form.getOrDefault("EndTime", "");
    Instant start = wireTime(startText).orElseThrow(() -> KsyunErrors.badRequest("InvalidStartTime.Malformed",
        "Specified start time is malformed.StartTime:" + startText));
    Instant end = wireTime(endText).orElseThrow(() -> KsyunErrors.badRequest("InvalidEndTime.Malformed",
        "Specified end time is malformed." + endText));
    checkWindow(start, end, startText, endText, now);
    List<String> regions = regions(form.getOrDefault("Regions", ""));
    int resultType = resultType(form.getOrDefault("ResultType", ""));
    int granularity = granularity(form.getOrDefault("Granularity", "5"));
    long series = resultType == 0 ? 1 : (long) regions.size() * streams.size();
    long points = series * Duration.between(start, end).toMinutes() / granularity;
    if (points > MAX_DATA_POINTS) {
      throw KsyunErrors.badRequest("TooManyDataPoints", "Too many data points in this request." + points);
    }
    checkDomains(streams);
    return new OnlineUserForm(startText, endText, start, end, streams, regions, resultType, granularity);
  }

  /** A {@code yyyy-MM-ddTHH:mm+0800} time, as every statistics action takes it. */
  static Optional<Instant> wireTime(String text) {
    if (!WIRE_TIME.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text.substring(0, 16), LOCAL_MINUTES)
          .toInstant(ApiTimeFormats.BEIJING));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void checkWindow(Instant start, Instant end, String startText, String endText, Instant now) {
    if (end.isBefore(start)) {
      throw KsyunErrors.badRequest("InvalidEndTime.Mismatch",
          "Specified end time should not be earlier than start time.StartTime:" + startText + ", EndTime:" + endText);
    }
    if (start.isBefore(now.atOffset(ApiTimeFormats.BEIJING).minusYears(1).toInstant())) {
      throw KsyunErrors.badRequest("NoDataProvided", "We do not provide data more than 1 year.");
    }
    if (start.isBefore(now.minus(Duration.ofDays(62)))) {
      throw KsyunErrors.badRequest("InvalidTime", "Start time with the time difference is not more than 62 days.");
    }
    if (Duration.between(start, end).compareTo(Duration.ofDays(7)) > 0) {
      throw KsyunErrors.badRequest("InvalidTime", "The start time and the end time difference is not more than 7 days.");
    }
  }

  private static List<String> streams(String parameter) {
    LinkedHashSet<String> streams = new LinkedHashSet<>();
    for (String stream : parameter.split(",")) {
      String trimmed = stream.trim();
      if (!trimmed.isEmpty()) {
        streams.add(trimmed.endsWith(HLS_SUFFIX) ? trimmed.substring(0, trimmed.length() - HLS_SUFFIX.length()) : trimmed);
      }
    }
    if (streams.isEmpty()) {
      throw KsyunErrors.badRequest("RequiresInputValue",
          "Requires no input value.Expected:This value is required, but no found value from:StreamUrls");
    }
    return List.copyOf(streams);
  }

  /** The billing regions of a {@code Regions} parameter, CN when blank. */
  static List<String> regions(String parameter) {
    if (parameter.isBlank()) {
      return List.of(BillingRegion.CN.name());
    }
    List<String> regions = new ArrayList<>();
    for (String region : parameter.split(",", -1)) {
      String trimmed = region.trim();
      if (Arrays.stream(BillingRegion.values()).noneMatch(known -> known.name().equals(trimmed))) {
        throw KsyunErrors.badRequest("InvalidRegion",
            "Invalid region.Expected:AF/AS/AU/CN/EU/NA/SA/HK/TW, but receive:" + region);
      }
      regions.add(trimmed);
    }
    return regions;
  }

  private static int resultType(String parameter) {
    return switch (parameter) {
      case "0" -> 0;
      case "1" -> 1;
      default -> throw KsyunErrors.badRequest("InvalidResultType",
          "Invalid result type.Expected:0/1, but receive:" + parameter);
    };
  }

  private static int granularity(String parameter) {
    try {
      int minutes = Integer.parseInt(parameter);
      if (GRANULARITIES.contains(minutes)) {
        return minutes;
      }
    } catch (NumberFormatException e) {
      // refused below with the same message as an unsupported number
    }
    throw KsyunErrors.badRequest("InvalidGranularity",
        "Invalid granularity.Option for granularity is 5, 10, 20, 60, 240, 480, 1440 (min), received:" + parameter);
  }

  /** Test domains stand for the two ways a real account fails: not its domain, or not allowed to read it. */
  private static void checkDomains(List<String> streams) {
    List<String> unknown = domainsEndingWith(streams, ".unknown.example");
    if (!unknown.isEmpty()) {
      throw KsyunErrors.badRequest("InvalidDomain.NotFound",
          "The domain provided does not belong to you or does not match the cdntype.Invalid domains:"
              + String.join(",", unknown));
    }
    List<String> forbidden = domainsEndingWith(streams, ".forbidden.example");
    if (!forbidden.isEmpty()) {
      throw KsyunErrors.forbidden("AccessDenied",
          "Access Denied.You are not authorized to perform:DomainIds:" + String.join(",", forbidden));
    }
  }

  private static List<String> domainsEndingWith(List<String> streams, String suffix) {
    return streams.stream().map(OnlineUserForm::host).filter(host -> host.endsWith(suffix)).distinct().toList();
  }

  /** The host of a pull URL, read by hand because stream names may hold characters {@code URI} refuses. */
  private static String host(String streamUrl) {
    int scheme = streamUrl.indexOf("://");
    String rest = scheme < 0 ? streamUrl : streamUrl.substring(scheme + 3);
    int end = rest.length();
    for (char stop : new char[] {'/', ':', '?'}) {
      int at = rest.indexOf(stop);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return rest.substring(0, end).toLowerCase(Locale.ROOT);
  }
}
