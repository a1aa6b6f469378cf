package dev.cloudmetrics.cdn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.cloudmetrics.failure.ServiceFailureException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the two CDN listings discovery uses: {@code GetLiveTopOnlineUserData}'s
 * {@code Datas[] {StreamUrl, OnlineUser}} and {@code GetCdnDomains}' {@code Domains[] {DomainId,
 * DomainStatus}, TotalCount}, streaming, keeping only those fields.
 */
final class ListingResponseParser {
  private static final JsonFactory JSON = new JsonFactory();

  /** The live domains of one page and how many there are in all. */
  record DomainPage(List<String> onlineDomainIds, int listed, int total) {
    DomainPage {
      onlineDomainIds = List.copyOf(onlineDomainIds);
    }
  }

  private ListingResponseParser() {}

  /** One stream of a top list: its URL verbatim and its viewers in the regions asked for. */
  record ListedStream(String streamUrl, long onlineUsers) {}

  /** The streams of a top list, in the order listed (most viewers first). */
  static List<ListedStream> topStreams(byte[] body) {
    List<ListedStream> streams = new ArrayList<>();
    read(body, TopStreamsLister.TOP_ACTION, (name, json) -> {
      if (!name.equalsIgnoreCase("Datas")) {
        return false;
      }
      while (json.nextToken() == JsonToken.START_OBJECT) {
        streams.add(stream(json));
      }
      return true;
    });
    return streams;
  }

  static DomainPage domains(byte[] body) {
    List<String> online = new ArrayList<>();
    int[] listed = {0};
    int[] total = {-1};
    read(body, TopStreamsLister.DOMAINS_ACTION, (name, json) -> {
      if (name.equalsIgnoreCase("TotalCount") && json.currentToken().isNumeric()) {
        total[0] = json.getIntValue();
        return true;
      }
      if (!name.equalsIgnoreCase("Domains")) {
        return false;
      }
      while (json.nextToken() == JsonToken.START_OBJECT) {
        listed[0]++;
        domain(json).ifPresent(online::add);
      }
      return true;
    });
    if (total[0] < 0) {
      throw unreadable(TopStreamsLister.DOMAINS_ACTION, "no TotalCount");
    }
    return new DomainPage(online, listed[0], total[0]);
  }

  /** A top-level field the caller reads itself (returning true), or leaves to be skipped. */
  @FunctionalInterface
  private interface Field {
    boolean read(String name, JsonParser json) throws IOException;
  }

  private static void read(byte[] body, String action, Field field) {
    try (JsonParser json = JSON.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw unreadable(action, "not a JSON object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        json.nextToken();
        if (!field.read(name, json)) {
          json.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw unreadable(action, "not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw unreadable(action, String.valueOf(e.getMessage()));
    }
  }

  private static ListedStream stream(JsonParser json) throws IOException {
    Optional<String> url = Optional.empty();
    long viewers = 0;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken token = json.nextToken();
      if (name.equalsIgnoreCase("StreamUrl") && token == JsonToken.VALUE_STRING) {
        url = Optional.of(json.getText()).filter(text -> !text.isBlank());
      } else if (name.equalsIgnoreCase("OnlineUser") && token.isNumeric()) {
        viewers = json.getLongValue();
      } else {
        json.skipChildren();
      }
    }
    return new ListedStream(url.orElseThrow(() -> unreadable(TopStreamsLister.TOP_ACTION, "an item without StreamUrl")),
        viewers);
  }

  /** A domain's id if it is online; a domain that is offline or being configured has no viewers [inferred]. */
  private static Optional<String> domain(JsonParser json) throws IOException {
    Optional<String> id = Optional.empty();
    String status = "online";
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken token = json.nextToken();
      if (name.equalsIgnoreCase("DomainId") && token == JsonToken.VALUE_STRING) {
        id = Optional.of(json.getText());
      } else if (name.equalsIgnoreCase("DomainStatus") && token == JsonToken.VALUE_STRING) {
        status = json.getText();
      } else {
        json.skipChildren();
      }
    }
    String domainId = id.orElseThrow(() -> unreadable(TopStreamsLister.DOMAINS_ACTION, "a domain without DomainId"));
    return status.equalsIgnoreCase("online") ? Optional.of(domainId) : Optional.empty();
  }

  private static ServiceFailureException unreadable(String action, String reason) {
    return new ServiceFailureException(action + ": unreadable response: " + reason);
  }
}
