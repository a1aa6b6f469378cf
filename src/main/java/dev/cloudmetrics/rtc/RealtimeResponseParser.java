package dev.cloudmetrics.rtc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.http.BodyExcerpt;
import dev.cloudmetrics.http.JsonNumbers;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code Result.Indicators[] {Name, Data[] {Timestamp, Value}}} of
 * {@code ListRealTimeOperationData} into rows labelled [app id, indicator], ordered by time and
 * then by the indicator's place in the query.
 */
public final class RealtimeResponseParser {
  private static final String ACTION = "ListRealTimeOperationData";
  private static final JsonFactory JSON = new JsonFactory();
  private static final int LONGEST_REASON = 120;
  private static final int EXCERPT = 80;

  private RealtimeResponseParser() {}

  public static List<Row> parse(byte[] body, String appId, List<String> indicators) {
    try {
      return read(body, appId, indicators);
    } catch (ServiceFailureException e) {
      // What a proxy or a truncation left is easiest to recognise by its first bytes.
      throw new ServiceFailureException(e.getMessage() + "; the response begins: " + BodyExcerpt.of(body, EXCERPT), e);
    }
  }

  private static List<Row> read(byte[] body, String appId, List<String> indicators) {
    try (JsonParser json = JSON.createParser(body)) {
      List<Series> series = document(json);
      List<Ranked> ranked = new ArrayList<>();
      for (int i = 0; i < series.size(); i++) {
        Series one = series.get(i);
        int asked = indicators.indexOf(one.name());
        // Names the query did not ask for still count, after the asked ones, in response order.
        int rank = asked >= 0 ? asked : indicators.size() + i;
        one.points().forEach(p -> ranked.add(new Ranked(rank, new Row(p.time(), List.of(appId, one.name()), p.value()))));
      }
      ranked.sort(Comparator.comparing((Ranked r) -> r.row().time()).thenComparingInt(Ranked::rank));
      return ranked.stream().map(Ranked::row).toList();
    } catch (JsonProcessingException e) {
      throw unreadable(e.getOriginalMessage() + location(e));
    } catch (IOException e) {
      throw unreadable(String.valueOf(e.getMessage()));
    }
  }

  private static List<Series> document(JsonParser json) throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw unreadable("not a JSON object");
    }
    List<Series> result = List.of();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equalsIgnoreCase("Result") && value == JsonToken.START_OBJECT) {
        result = result(json);
      } else {
        json.skipChildren();
      }
    }
    // "Result": null or none is an empty result, as the official SDKs read it (errors came before, in the decoder).
    return result;
  }

  private static List<Series> result(JsonParser json) throws IOException {
    List<Series> series = new ArrayList<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equalsIgnoreCase("Indicators") && value == JsonToken.START_ARRAY) {
        while (json.nextToken() != JsonToken.END_ARRAY) {
          series.add(indicator(json));
        }
      } else {
        json.skipChildren();
      }
    }
    return series;
  }

  /** One indicator; its Name may come after its Data, so the points wait for it. */
  private static Series indicator(JsonParser json) throws IOException {
    expect(json, JsonToken.START_OBJECT, "an indicator");
    Optional<String> indicatorName = Optional.empty();
    List<Point> points = new ArrayList<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equalsIgnoreCase("Name") && value == JsonToken.VALUE_STRING) {
        indicatorName = Optional.of(json.getText());
      } else if (name.equalsIgnoreCase("Data") && value == JsonToken.START_ARRAY) {
        while (json.nextToken() != JsonToken.END_ARRAY) {
          point(json).ifPresent(points::add);
        }
      } else {
        json.skipChildren();
      }
    }
    return new Series(indicatorName.orElseThrow(() -> unreadable("an indicator without Name")), points);
  }

  /** One bucket; without a Value it is a gap in the series, not a zero, so it yields no row. */
  private static Optional<Point> point(JsonParser json) throws IOException {
    expect(json, JsonToken.START_OBJECT, "a Data item");
    Optional<Instant> time = Optional.empty();
    Optional<BigDecimal> value = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken token = json.nextToken();
      if (name.equalsIgnoreCase("Timestamp") && token == JsonToken.VALUE_STRING) {
        time = Optional.of(timestamp(json.getText()));
      } else if (name.equalsIgnoreCase("Value")) {
        value = JsonNumbers.exact(json, token, "Value");
      } else {
        json.skipChildren();
      }
    }
    Instant at = time.orElseThrow(() -> unreadable("a Data item without Timestamp"));
    return value.map(v -> new Point(at, v));
  }

  private static Instant timestamp(String text) {
    try {
      return ApiTimeFormats.parseRfc3339(text);
    } catch (DateTimeException e) {
      throw unreadable("Timestamp '" + text + "' is not an RFC 3339 time");
    }
  }

  private static void expect(JsonParser json, JsonToken expected, String what) {
    if (json.currentToken() != expected) {
      throw unreadable(what + " is not a JSON object");
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static ServiceFailureException unreadable(String reason) {
    String line = reason.replaceAll("\\s+", " ").strip();
    return new ServiceFailureException(ACTION + ": unreadable response: "
        + (line.length() > LONGEST_REASON ? line.substring(0, LONGEST_REASON) + "..." : line));
  }

  private record Point(Instant time, BigDecimal value) {}

  private record Series(String name, List<Point> points) {}

  private record Ranked(int rank, Row row) {}
}
