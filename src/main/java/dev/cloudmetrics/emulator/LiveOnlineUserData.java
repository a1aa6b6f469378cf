package dev.cloudmetrics.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code GetLiveOnlineUserDataByStream}: the CDN service's answer to a checked form. */
final class LiveOnlineUserData {
  private LiveOnlineUserData() {}

  /** The answer to a form body, judged at {@code now}; a {@link Rejection} when the service would refuse it. */
  static ObjectNode answer(byte[] body, Instant now) {
    OnlineUserForm form = OnlineUserForm.read(body, now);
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("StartTime", form.startText());
    answer.put("EndTime", form.endText());
    answer.put("Regions", String.join(",", form.regions()));
    answer.put("ResultType", form.resultType());
    answer.put("Granularity", form.granularity());
    ArrayNode datas = answer.putArray("Datas");
    for (Instant bucket : buckets(form.start(), form.end(), now, form.granularity())) {
      ObjectNode data = datas.addObject();
      data.put("Time", ApiTimeFormats.beijingMinutes(bucket));
      data.put("OnlineUser", SyntheticData.cdnMergedPeak(form.streams(), form.regions(), bucket, form.granularity()));
      if (form.resultType() == 1) {
        data.set("Streams", perStream(form, bucket));
      }
    }
    return answer;
  }

  private static ArrayNode perStream(OnlineUserForm form, Instant bucket) {
    ArrayNode streams = JsonNodeFactory.instance.arrayNode();
    for (String stream : form.streams()) {
      ObjectNode item = streams.addObject();
      item.put("StreamUrl", stream);
      ArrayNode perRegion = JsonNodeFactory.instance.arrayNode();
      long total = 0;
      for (String region : form.regions()) {
        long peak = SyntheticData.cdnPeak(stream, region, bucket, form.granularity());
        perRegion.addObject().put("Region", region).put("OnlineUser", peak);
        total += peak;
      }
      item.put("OnlineUser", total);
      item.set("Regions", perRegion);
    }
    return streams;
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
