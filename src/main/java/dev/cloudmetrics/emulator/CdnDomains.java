package dev.cloudmetrics.emulator;

import java.util.List;
import java.util.Map;

/** {@code GetCdnDomains}: the catalogue's live domains, paged by {@code PageSize}/{@code PageNumber} (spec-discovery §5). */
final class CdnDomains {
  static final String ACTION = "GetCdnDomains";
  static final String PATH = "/2016-09-01/domain/" + ACTION;
  private static final int MOST_PAGE_SIZE = 500;
  private static final int MOST_PAGE_NUMBER = 10_000;

  private CdnDomains() {}

  static String answer(Map<String, String> parameters) {
    int size = number(parameters, "PageSize", 20, MOST_PAGE_SIZE);
    int page = number(parameters, "PageNumber", 1, MOST_PAGE_NUMBER);
    String type = parameters.getOrDefault("CdnType", "");
    // Every domain of the emulated account is a live one: any other type lists nothing.
    List<Catalogue.Domain> domains = type.isEmpty() || type.equals("live") ? Catalogue.DOMAINS : List.of();
    int from = Math.min(domains.size(), (page - 1) * size);
    List<Catalogue.Domain> shown = domains.subList(from, Math.min(domains.size(), from + size));
    return JsonBody.of(json -> {
      json.writeStartObject();
      json.writeNumberField("PageNumber", page);
      json.writeNumberField("PageSize", size);
      json.writeNumberField("TotalCount", domains.size());
      json.writeArrayFieldStart("Domains");
      for (Catalogue.Domain domain : shown) {
        json.writeStartObject();
        json.writeStringField("DomainName", domain.domainName());
        json.writeStringField("DomainId", domain.domainId());
        json.writeStringField("Cname", domain.domainName() + ".ks-cdn.com");
        json.writeStringField("CdnType", "live");
        json.writeStringField("DomainStatus", "online");
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  private static int number(Map<String, String> parameters, String name, int absent, int most) {
    String text = parameters.getOrDefault(name, "");
    if (text.isEmpty()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= 1 && value <= most) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    // Not in the stored pages: the gateway's usual code for a bad value [inferred].
    throw KsyunErrors.badRequest("InvalidParameterValue", name + " must be a number from 1 to " + most + ": " + text);
  }
}
