package dev.cloudmetrics.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code GetLiveTopOnlineUserData}: the catalogue's streams with viewers in one minute, most first,
 * with the per-minute values {@code GetLiveOnlineUserDataByStream} gives for them (spec-discovery §2, §7).
 */
final class TopOnlineUserData {
  static final String ACTION = "GetLiveTopOnlineUserData";
  static final int DEFAULT_LIMIT = 100;
  static final int MOST_LIMIT = 200;
  private static final Duration KEPT = Duration.ofDays(62);

  private TopOnlineUserData() {}

  /** One stream's viewers in the asked regions. */
  private record Ranked(Catalogue.Stream stream, long[] perRegion, long total) {}

  /** The answer to the parameters at {@code now}; a {@link Rejection} when the service would refuse them. */
  static String answer(Map<String, String> parameters, Instant now) {
    String startText = parameters.getOrDefault("StartTime", "");
    // The statistics family's codes, borrowed: this action's own error table is not published [inferred].
    Instant minute = OnlineUserForm.wireTime(startText).orElseThrow(() -> KsyunErrors.badRequest(
        "InvalidStartTime.Malformed", "Specified start time is malformed.StartTime:" + startText));
    if (minute.isBefore(now.minus(KEPT))) {
      throw KsyunErrors.badRequest("InvalidTime", "Start time with the time difference is not more than 62 days.");
    }
    String resultType = parameters.getOrDefault("ResultType", "");
    if (!resultType.equals("0") && !resultType.equals("1")) {
      throw KsyunErrors.badRequest("InvalidResultType", "Invalid result type.Expected:0/1, but receive:" + resultType);
    }
    List<String> regions = OnlineUserForm.regions(parameters.getOrDefault("Regions", ""));
    int limit = limit(parameters.getOrDefault("LimitN", ""));
    String domainIds = parameters.getOrDefault("DomainIds", "");
    List<String> domains = domains(domainIds);
    List<Ranked> ranked = new ArrayList<>();
    for (Catalogue.Stream stream : Catalogue.streams()) {
      if ((domains.isEmpty() || domains.contains(stream.domain().domainId())) && stream.onAirAt(minute)) {
        long[] perRegion = new long[regions.size()];
        long total = 0;
        for (int i = 0; i < perRegion.length; i++) {
          perRegion[i] = SyntheticData.cdnPeak(stream.streamUrl(), regions.get(i), minute, 1, now);
          total += perRegion[i];
        }
        if (total > 0) {
          ranked.add(new Ranked(stream, perRegion, total));
        }
      }
    }
    ranked.sort(Comparator.comparingLong(Ranked::total).reversed()
        .thenComparing(r -> r.stream().streamUrl()));
    List<Ranked> top = ranked.subList(0, Math.min(limit, ranked.size()));
    return JsonBody.of(json -> {
      json.writeStartObject();
      json.writeStringField("StartTime", startText);
      json.writeStringField("DomainIds", domainIds);
      json.writeStringField("Regions", String.join(",", regions));
      json.writeStringField("ResultType", resultType);
      json.writeStringField("LimitN", Integer.toString(limit));
      json.writeArrayFieldStart("Datas");
      for (Ranked one : top) {
        json.writeStartObject();
        json.writeStringField("StreamUrl", one.stream().streamUrl());
        json.writeNumberField("OnlineUser", one.total());
        if (resultType.equals("1")) {
          json.writeArrayFieldStart("Regions");
          for (int i = 0; i < regions.size(); i++) {
            json.writeStartObject();
            json.writeStringField("Region", regions.get(i));
            json.writeNumberField("OnlineUser", one.perRegion()[i]);
            json.writeEndObject();
          }
          json.writeEndArray();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  private static int limit(String text) {
    if (text.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= MOST_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    // The code for a LimitN out of range is unknown (spec-discovery §2): this one is made up [inferred].
    throw KsyunErrors.badRequest("InvalidLimitN", "Invalid LimitN.Expected:1-200, but receive:" + text);
  }

  private static List<String> domains(String parameter) {
    List<String> ids = Arrays.stream(parameter.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    List<String> unknown = ids.stream().filter(id -> Catalogue.domain(id).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      // The statistics family's code for a domain of another account [inferred].
      throw KsyunErrors.badRequest("InvalidDomain.NotFound",
          "The domain provided does not belong to you or does not match the cdntype.Invalid domains:"
              + String.join(",", unknown));
    }
    return ids;
  }
}
