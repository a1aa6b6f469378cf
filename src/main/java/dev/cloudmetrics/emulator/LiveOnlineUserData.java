package dev.cloudmetrics.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code GetLiveOnlineUserDataByStream}: the CDN service's answer to a checked form. */
final class LiveOnlineUserData {
  private LiveOnlineUserData() {}

  /** The answer to a form body, judged at {@code now}; a {@link Rejection} when the service would refuse it. */
  static String answer(byte[] body, Instant now) {
    OnlineUserForm form = OnlineUserForm.read(body, now);
    List<Instant> buckets = buckets(form.start(), form.end(), now, form.granularity());
    return JsonBody.of(json -> {
      json.writeStartObject();
      json.writeStringField("StartTime", form.startText());
      json.writeStringField("EndTime", form.endText());
      json.writeStringField("Regions", String.join(",", form.regions()));
      json.writeNumberField("ResultType", form.resultType());
      json.writeNumberField("Granularity", form.granularity());
      json.writeArrayFieldStart("Datas");
      for (Instant bucket : buckets) {
        json.writeStartObject();
        json.writeStringField("Time", ApiTimeFormats.beijingMinutes(bucket));
        json.writeNumberField("OnlineUser",
            SyntheticData.cdnMergedPeak(form.streams(), form.regions(), bucket, form.granularity(), now));
        if (form.resultType() == 1) {
          writeStreams(json, form, bucket, now);
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  private static void writeStreams(JsonGenerator json, OnlineUserForm form, Instant bucket, Instant now)
      throws IOException {
    json.writeArrayFieldStart("Streams");
    for (String stream : form.streams()) {
      json.writeStartObject();
      json.writeStringField("StreamUrl", stream);
      long[] peaks = new long[form.regions().size()];
      long total = 0;
      for (int i = 0; i < peaks.length; i++) {
        peaks[i] = SyntheticData.cdnPeak(stream, form.regions().get(i), bucket, form.granularity(), now);
        total += peaks[i];
      }
      json.writeNumberField("OnlineUser", total);
      json.writeArrayFieldStart("Regions");
      for (int i = 0; i < peaks.length; i++) {
        json.writeStartObject();
        json.writeStringField("Region", form.regions().get(i));
        json.writeNumberField("OnlineUser", peaks[i]);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /**
   * Every bucket the window touches, aligned to the granularity in Beijing time, from the one
   * holding {@code start} to the one holding {@code end}, none starting after {@code now}.
   */
  static List<Instant> buckets(Instant start, Instant end, Instant now, int granularityMinutes) {
    long step = granularityMinutes * 60L;
    long offset = ApiTimeFormats.BEIJING.getTotalSeconds();
    List<Instant> buckets = new ArrayList<>();
    for (long second = Math.floorDiv(start.getEpochSecond() + offset, step) * step - offset;
        second <= end.getEpochSecond() && second <= now.getEpochSecond(); second += step) {
      buckets.add(Instant.ofEpochSecond(second));
    }
    return buckets;
  }
}
