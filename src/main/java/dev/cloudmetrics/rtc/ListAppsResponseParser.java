package dev.cloudmetrics.rtc;

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
 * Reads {@code Result {AppList[] {AppId, ...}, Total}} of {@code ListApps}. The apps' {@code AppKey}
 * and {@code SecondaryAppKey} are token-signing secrets: skipped token by token, never read into a
 * string, so no field, message or log of the tool can hold them.
 */
final class ListAppsResponseParser {
  /** One page: the app ids in the order listed, and how many apps there are in all. */
  record Page(List<String> appIds, int total) {
    Page {
      appIds = List.copyOf(appIds);
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  private ListAppsResponseParser() {}

  static Page parse(byte[] body) {
    try (JsonParser json = JSON.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw unreadable("not a JSON object");
      }
      Optional<Page> page = Optional.empty();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (name.equalsIgnoreCase("Result") && value == JsonToken.START_OBJECT) {
          page = Optional.of(result(json));
        } else {
          json.skipChildren();
        }
      }
      return page.orElseThrow(() -> unreadable("no Result"));
    } catch (JsonProcessingException e) {
      // The message of a parse error may quote the text around it: only the position is kept.
      throw unreadable("not valid JSON" + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr()));
    } catch (IOException e) {
      throw unreadable("cannot be read");
    }
  }

  private static Page result(JsonParser json) throws IOException {
    List<String> appIds = new ArrayList<>();
    Optional<Integer> total = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equalsIgnoreCase("AppList") && value == JsonToken.START_ARRAY) {
        while (json.nextToken() == JsonToken.START_OBJECT) {
          appIds.add(app(json));
        }
      } else if (name.equalsIgnoreCase("Total") && value.isNumeric()) {
        total = Optional.of(json.getIntValue());
      } else {
        json.skipChildren();
      }
    }
    return new Page(appIds, total.orElseThrow(() -> unreadable("no Total")));
  }

  /** One app's id; every other field (the keys among them) is skipped unread. */
  private static String app(JsonParser json) throws IOException {
    Optional<String> appId = Optional.empty();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equals("AppId") && value == JsonToken.VALUE_STRING) {
        appId = Optional.of(json.getText());
      } else {
        json.skipChildren();
      }
    }
    return appId.filter(id -> !id.isBlank()).orElseThrow(() -> unreadable("an app without AppId"));
  }

  private static ServiceFailureException unreadable(String reason) {
    return new ServiceFailureException(AppLister.ACTION + ": unreadable response: " + reason);
  }
}
