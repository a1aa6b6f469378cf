package dev.cloudmetrics.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code ListRealTimeOperationData}: checks the JSON body as the RTC service does and builds its {@code Result}. */
final class RealtimeOperationData {
  static final Duration BUCKET = Duration.ofSeconds(30);
  private static final Duration OLDEST = Duration.ofMinutes(60);
  private static final Duration LONGEST = Duration.ofMinutes(60);
  /** What a field held other than a string (a number, a boolean, an object): its type is all that is judged. */
  private static final Object NOT_TEXT = new Object();

  private RealtimeOperationData() {}

  /** The {@code Result} for a request body, judged at {@code now}; a {@link Rejection} when the service would refuse it. */
  static JsonBody.Content answer(byte[] body, Instant now) {
    Map<String, Object> request = parse(body);
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
    List<Instant> buckets = buckets(start, end, now);
    return json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("Indicators");
      for (String indicator : indicators) {
        json.writeStartObject();
        json.writeStringField("Name", indicator);
        json.writeStringField("Unit", "");
        json.writeArrayFieldStart("Data");
        for (Instant bucket : buckets) {
          json.writeStartObject();
          json.writeStringField("TimeStamp", ApiTimeFormats.rfc3339Seconds(bucket, ApiTimeFormats.BEIJING));
          json.writeNumberField("Value", (double) SyntheticData.rtcValue(appId, indicator, bucket, now));
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    };
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

  /**
   * The body's top-level fields (the last of a repeated name, as a tree reader keeps): a string as
   * itself, {@code null} as null, an array as the list of its elements, anything else as {@link #NOT_TEXT}.
   */
  private static Map<String, Object> parse(byte[] body) {
    try (JsonParser json = JsonBody.FACTORY.createParser(body)) {
      if (json.nextToken() == JsonToken.START_OBJECT) {
        Map<String, Object> fields = new HashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String name = json.currentName();
          JsonToken token = json.nextToken();
          if (token == JsonToken.START_ARRAY) {
            List<Object> elements = new ArrayList<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
              elements.add(value(json));
            }
            fields.put(name, elements);
          } else {
            fields.put(name, value(json));
          }
        }
        if (json.currentToken() == JsonToken.END_OBJECT) {
          return fields;
        }
      }
    } catch (IOException e) {
      // a body that is not JSON is answered like one that is not an object
    }
    throw VolcengineErrors.invalidParameter("The request body is not a JSON object.");
  }

  private static Object value(JsonParser json) throws IOException {
    JsonToken token = json.currentToken();
    if (token == null) {
      throw new IOException("the body ends early");
    }
    if (token == JsonToken.VALUE_STRING) {
      return json.getText();
    }
    json.skipChildren();
    return token == JsonToken.VALUE_NULL ? null : NOT_TEXT;
  }

  private static String text(Map<String, Object> request, String field) {
    Object value = request.get(field);
    if (value == null || (value instanceof String string && string.isBlank())) {
      throw VolcengineErrors.missingParameter(field);
    }
    if (!(value instanceof String string)) {
      throw VolcengineErrors.invalidParameter("The parameter " + field + " must be a string.");
    }
    return string;
  }

  private static List<String> indicators(Map<String, Object> request) {
    Object value = request.get("Indicator");
    if (value == null || (value instanceof List<?> list && list.isEmpty())) {
      throw VolcengineErrors.missingParameter("Indicator");
    }
    if (!(value instanceof List<?> list)) {
      throw VolcengineErrors.invalidParameter("The parameter Indicator must be an array of strings.");
    }
    List<String> names = new ArrayList<>();
    for (Object name : list) {
      if (!(name instanceof String text) || text.isBlank()) {
        throw VolcengineErrors.invalidParameter("The parameter Indicator must be an array of strings.");
      }
      names.add(text);
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
