package dev.cloudmetrics.cdn;

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
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code GetLiveOnlineUserDataByStream}'s {@code Datas[]} into rows in response order: one
 * per bucket (no labels), or per stream one per bucket and billing region ([stream, region]).
 */
public final class OnlineUsersResponseParser {
  private static final String ACTION = "GetLiveOnlineUserDataByStream";
  private static final JsonFactory JSON = new JsonFactory();
  private static final int LONGEST_REASON = 120;
  private static final int EXCERPT = 80;

  private OnlineUsersResponseParser() {}

  public static List<Row> parse(byte[] body, boolean perStream) {
    try {
      return read(body, perStream);
    } catch (ServiceFailureException e) {
      // What a proxy or a truncation left is easiest to recognise by its first bytes.
      throw new ServiceFailureException(e.getMessage() + "; the response begins: " + BodyExcerpt.of(body, EXCERPT), e);
    }
  }

  private static List<Row> read(byte[] body, boolean perStream) {
    try (JsonParser json = JSON.createParser(body)) {
      return document(json, perStream);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw unreadable(e.getOriginalMessage() + at);
    } catch (IOException e) {
      throw unreadable(String.valueOf(e.getMessage()));
    }
  }

  private static List<Row> document(JsonParser json, boolean perStream) throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      throw unreadable("not a JSON object");
    }
    List<Row> rows = List.of();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equalsIgnoreCase("Datas") && value == JsonToken.START_ARRAY) {
        List<Row> read = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
          read.addAll(bucket(json, perStream));
        }
        rows = read;
      } else {
        json.skipChildren();
      }
    }
    // "Datas": null or no Datas at all is an empty result, as the official SDKs read it (errors came before, in the decoder).
    return rows;
  }

  /** One Datas item; its Time may follow its Streams, so the per-stream values wait for it. */
  private static List<Row> bucket(JsonParser json, boolean perStream) throws IOException {
    expectObject(json, "a Datas item");
    Optional<Instant> time = Optional.empty();
    Optional<BigDecimal> total = Optional.empty();
    List<Share> shares = new ArrayList<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equalsIgnoreCase("Time") && value == JsonToken.VALUE_STRING) {
        time = Optional.of(time(json.getText()));
      } else if (name.equalsIgnoreCase("OnlineUser")) {
        total = JsonNumbers.exact(json, value, "OnlineUser");
      } else if (name.equalsIgnoreCase("Streams") && value == JsonToken.START_ARRAY && perStream) {
        while (json.nextToken() != JsonToken.END_ARRAY) {
          shares.addAll(stream(json));
        }
      } else {
        json.skipChildren();
      }
    }
    Instant at = time.orElseThrow(() -> unreadable("a Datas item without Time"));
    if (!perStream) {
      return total.map(users -> List.of(new Row(at, List.of(), users))).orElse(List.of());
    }
    return shares.stream().map(s -> new Row(at, List.of(s.streamUrl(), s.region()), s.users())).toList();
  }

  /**
   * One stream's values per region. A stream without a Regions breakdown still counts: it gets one
   * share with an empty region rather than vanishing from the output.
   */
  private static List<Share> stream(JsonParser json) throws IOException {
    expectObject(json, "a Streams item");
    Optional<String> url = Optional.empty();
    Optional<BigDecimal> total = Optional.empty();
    Optional<List<RegionCount>> regions = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equalsIgnoreCase("StreamUrl") && value == JsonToken.VALUE_STRING) {
        url = Optional.of(json.getText());
      } else if (name.equalsIgnoreCase("OnlineUser")) {
        total = JsonNumbers.exact(json, value, "OnlineUser");
      } else if (name.equalsIgnoreCase("Regions") && value == JsonToken.START_ARRAY) {
        List<RegionCount> read = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
          region(json).ifPresent(read::add);
        }
        regions = Optional.of(read);
      } else {
        json.skipChildren();
      }
    }
    String streamUrl = url.orElseThrow(() -> unreadable("a Streams item without StreamUrl"));
    Optional<BigDecimal> streamTotal = total;
    List<RegionCount> counts = regions.orElseGet(
        () -> streamTotal.map(users -> List.of(new RegionCount("", users))).orElse(List.of()));
    return counts.stream().map(c -> new Share(streamUrl, c.region(), c.users())).toList();
  }

  private static Optional<RegionCount> region(JsonParser json) throws IOException {
    expectObject(json, "a Regions item");
    Optional<String> region = Optional.empty();
    Optional<BigDecimal> users = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equalsIgnoreCase("Region") && value == JsonToken.VALUE_STRING) {
        region = Optional.of(json.getText());
      } else if (name.equalsIgnoreCase("OnlineUser")) {
        users = JsonNumbers.exact(json, value, "OnlineUser");
      } else {
        json.skipChildren();
      }
    }
    String code = region.orElseThrow(() -> unreadable("a Regions item without Region"));
    return users.map(u -> new RegionCount(code, u));
  }

  private static Instant time(String text) {
    try {
      return ApiTimeFormats.parseBeijing(text);
    } catch (DateTimeException e) {
      throw unreadable("Time '" + text + "' is not a time");
    }
  }

  private static void expectObject(JsonParser json, String what) {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      throw unreadable(what + " is not a JSON object");
    }
  }

  private static ServiceFailureException unreadable(String reason) {
    String line = reason.replaceAll("\\s+", " ").strip();
    return new ServiceFailureException(ACTION + ": unreadable response: "
        + (line.length() > LONGEST_REASON ? line.substring(0, LONGEST_REASON) + "..." : line));
  }

  private record RegionCount(String region, BigDecimal users) {}

  private record Share(String streamUrl, String region, BigDecimal users) {}
}
