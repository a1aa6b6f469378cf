package dev.cloudmetrics.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RTC {@code ListApps} (2020-12-01 and 2023-11-01): the catalogue's apps in creation order, paged
 * by {@code Offset}/{@code Limit}, with fake {@code AppKey}s as the service sends real ones.
 */
final class AppListing {
  static final String ACTION = "ListApps";
  static final List<String> VERSIONS = List.of("2020-12-01", "2023-11-01");
  static final int DEFAULT_LIMIT = 50;
  static final int MOST_LIMIT = 100;
  // The service writes CreateAt in Beijing time with nanoseconds (spec-discovery §1).
  private static final DateTimeFormatter CREATE_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx");

  private AppListing() {}

  /** The {@code Result} for a body at {@code now}; a {@link Rejection} when the service would refuse it. */
  static JsonBody.Content answer(byte[] body, String version, Instant now) {
    Map<String, String> request = fields(body);
    int offset = count(request, "Offset", 0);
    // Over 100 is undocumented: clamped here, as a page size usually is, rather than refused.
    int limit = Math.min(MOST_LIMIT, count(request, "Limit", DEFAULT_LIMIT));
    if (request.containsKey("ProjectName") && version.equals("2020-12-01")) {
      throw VolcengineErrors.invalidParameter("The parameter ProjectName is not supported in version 2020-12-01.");
    }
    List<Catalogue.App> apps = new ArrayList<>(Catalogue.apps(now));
    String appId = request.get("AppId");
    if (appId != null && !appId.isEmpty()) {
      apps.removeIf(app -> !app.appId().equals(appId));
    }
    if ("1".equals(request.get("Reverse"))) {
      Collections.reverse(apps);
    }
    List<Catalogue.App> page = apps.subList(Math.min(offset, apps.size()), Math.min(apps.size(), offset + limit));
    int total = apps.size();
    return json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("AppList");
      for (Catalogue.App app : page) {
        json.writeStartObject();
        json.writeStringField("AppId", app.appId());
        json.writeStringField("AppName", app.appName());
        json.writeStringField("CreateAt", CREATE_AT.format(app.createdAt().atOffset(ZoneOffset.ofHours(8))));
        json.writeNumberField("Status", app.status());
        json.writeStringField("AppKey", app.appKey());
        json.writeStringField("SecondaryAppKey", app.secondaryAppKey());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeNumberField("Limit", limit);
      json.writeNumberField("Offset", offset);
      json.writeNumberField("Total", total);
      json.writeEndObject();
    };
  }

  /** The body's top-level scalars as text: the SDK sends Offset/Limit as strings, numbers are accepted too. */
  private static Map<String, String> fields(byte[] body) {
    Map<String, String> fields = new HashMap<>();
    if (body.length == 0) {
      return fields;
    }
    try (JsonParser json = JsonBody.FACTORY.createParser(body)) {
      if (json.nextToken() == JsonToken.START_OBJECT) {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String name = json.currentName();
          JsonToken token = json.nextToken();
          if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
            fields.put(name, json.getText());
          } else {
            json.skipChildren();
          }
        }
        if (json.currentToken() == JsonToken.END_OBJECT) {
          return fields;
        }
      }
    } catch (IOException e) {
      // answered below like a body that is not an object
    }
    throw VolcengineErrors.invalidParameter("The request body is not a JSON object.");
  }

  private static int count(Map<String, String> request, String field, int absent) {
    String text = request.get(field);
    if (text == null || text.isEmpty()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 0 && !(field.equals("Limit") && value == 0)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw VolcengineErrors.invalidParameter("The parameter " + field + " '" + text + "' is not a valid number.");
  }
}
