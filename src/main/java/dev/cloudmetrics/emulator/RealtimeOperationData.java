package dev.cloudmetrics.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code ListRealTimeOperationData}: checks the JSON body as the RTC service does and builds its {@code Result}. */
final class RealtimeOperationData {
  static final Duration BUCKET = Duration.ofSeconds(30);
  private static final Duration OLDEST = Duration.ofMinutes(60);
  private static final Duration LONGEST = Duration.ofMinutes(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private RealtimeOperationData() {}

  /** The {@code Result} for a request body, judged at {@code now}; a {@link Rejection} when the service would refuse it. */
  static ObjectNode answer(byte[] body, Instant now) {
    JsonNode request = parse(body);
    String appId = text(request, "AppId");
    String startText = text(request, "StartTime");
    String endText = text(request, "EndTime");
    List<String> indicators = indicators(request);
    Instant start = time("StartTime", startText);
    Instant end = time("EndTime", endText);
    if (!end.isAfter(start)) {
      throw VolcengineErrors.outOfTimeRange("EndTime " + endText + " must be later than StartTime " + startText + ".");
    }
    if (start.isBefore(now.minus(OLDEST))) {
      throw VolcengineErrors.outOfTimeRange("StartTime " + startText + " is more than 60 minutes ago.");
    }
    if (Duration.between(start, end).compareTo(LONGEST) > 0) {
      throw VolcengineErrors.outOfTimeRange("The span from StartTime to EndTime is more than 60 minutes.");
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ArrayNode items = result.putArray("Indicators");
    List<Instant> buckets = buckets(start, end, now);
    for (String indicator : indicators) {
      ObjectNode item = items.addObject();
      item.put("Name", indicator);
      item.put("Unit", "");
      ArrayNode data = item.putArray("Data");
      for (Instant bucket : buckets) {
        ObjectNode point = data.addObject();
        point.put("TimeStamp", ApiTimeFormats.rfc3339Seconds(bucket, ApiTimeFormats.BEIJING));
        point.put("Value", (double) SyntheticData.rtcValue(appId, indicator, bucket));
      }
    }
    return result;
  }

  /** Every 30-second bucket from the one holding {@code start} to the one holding {@code end}, none after {@code now}. */
  static List<Instant> buckets(Instant start, Instant end, Instant now) {
    long step = BUCKET.getSeconds();
    List<Instant> buckets = new ArrayList<>();
    for (long second = Math.floorDiv(start.getEpochSecond(), step) * step; second <= end.getEpochSecond()
        && second <= now.getEpochSecond(); second += step) {
      buckets.add(Instant.ofEpochSecond(second));
    }
    return buckets;
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode request = JSON.readTree(body);
      if (request != null && request.isObject()) {
        return request;
      }
    } catch (IOException e) {
      // a body that is not JSON is answered like one that is not an object
    }
    throw VolcengineErrors.invalidParameter("The request body is not a JSON object.");
  }

  private static String text(JsonNode request, String field) {
    JsonNode value = request.get(field);
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      throw VolcengineErrors.missingParameter(field);
    }
    if (!value.isTextual()) {
      throw VolcengineErrors.invalidParameter("The parameter " + field + " must be a string.");
    }
    return value.asText();
  }

  private static List<String> indicators(JsonNode request) {
    JsonNode value = request.get("Indicator");
    if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
      throw VolcengineErrors.missingParameter("Indicator");
    }
    if (!value.isArray()) {
      throw VolcengineErrors.invalidParameter("The parameter Indicator must be an array of strings.");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode name : value) {
      if (!name.isTextual() || name.asText().isBlank()) {
        throw VolcengineErrors.invalidParameter("The parameter Indicator must be an array of strings.");
      }
      names.add(name.asText());
    }
    return names;
  }

  private static Instant time(String field, String text) {
    try {
      return ApiTimeFormats.parseRfc3339(text);
    } catch (DateTimeParseException e) {
      throw VolcengineErrors.invalidParameter("The parameter " + field + " '" + text + "' is not an RFC 3339 time.");
    }
  }
}
