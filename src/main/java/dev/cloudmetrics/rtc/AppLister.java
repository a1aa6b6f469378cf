package dev.cloudmetrics.rtc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.auth.VolcengineSigner;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.ApiResponse;
import dev.cloudmetrics.http.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code --app-id all}: lists every app of the account with RTC {@code ListApps} (2023-11-01),
 * paged by {@code Total}, through the command's transport, so each page counts against the same
 * 2 requests per second as the data requests.
 */
public final class AppLister {
  static final String ACTION = "ListApps";
  static final String VERSION = "2023-11-01";
  /** The largest page (spec-discovery §1); an account has at most 100 apps, so one page normally holds all. */
  static final int PAGE = 100;
  private static final String SERVICE = "rtc";
  private static final JsonFactory JSON = new JsonFactory();

  private final HttpTransport transport;
  private final Credentials credentials;
  private final Clock clock;
  private final URI endpoint;

  /** Lists the apps for {@code query}: at its --endpoint if one was given, else where ListApps is served. */
  public AppLister(HttpTransport transport, Credentials credentials, Clock clock, RealtimeQuery query) {
    this.transport = transport;
    this.credentials = credentials;
    this.clock = clock;
    this.endpoint = endpoint(query);
  }

  /**
   * ListApps is served only by rtc.volcengineapi.com (its 2023-11-01 page says so): with
   * --region ap-singapore-1 the apps are listed there, signed for cn-north-1, and their data is
   * then asked for in Singapore. An --endpoint (the emulator, a proxy) takes both.
   */
  private static URI endpoint(RealtimeQuery query) {
    return query.endpoint().equals(query.region().defaultEndpoint())
        ? RtcRegion.CN_NORTH_1.defaultEndpoint() : query.endpoint();
  }

  /** The first page's request, signed now: what --dry-run shows. */
  public ApiRequest signedFirstRequest() {
    return sign(request(0));
  }

  /** Every app id of the account, in ListApps' order (by creation), each once. */
  public List<String> list() {
    LinkedHashSet<String> apps = new LinkedHashSet<>();
    int offset = 0;
    while (true) {
      ApiRequest unsigned = request(offset);
      ApiResponse response = transport.send(ACTION, () -> sign(unsigned), new VolcengineErrorDecoder());
      ListAppsResponseParser.Page page = ListAppsResponseParser.parse(response.body());
      apps.addAll(page.appIds());
      offset += page.appIds().size();
      if (page.appIds().isEmpty() || offset >= page.total()) {
        return new ArrayList<>(apps);
      }
      if (offset > PAGE * 100) {
        // An account holds at most 100 apps: a service that keeps paging is answering wrongly.
        throw new ServiceFailureException(ACTION + ": more than " + offset + " apps listed and Total says "
            + page.total() + "; giving up");
      }
    }
  }

  private ApiRequest sign(ApiRequest unsigned) {
    return new VolcengineSigner(RtcRegion.CN_NORTH_1.id(), SERVICE).sign(unsigned, credentials, clock.instant());
  }

  private ApiRequest request(int offset) {
    String base = endpoint.toString().replaceAll("/+$", "");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    return new ApiRequest("POST", URI.create(base + "/?Action=" + ACTION + "&Version=" + VERSION), headers,
        body(offset));
  }

  /** {@code {"Limit":"100","Offset":"0"}}: strings, as the SDK's ListAppsBody declares them. */
  private static byte[] body(int offset) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("Limit", Integer.toString(PAGE));
      json.writeStringField("Offset", Integer.toString(offset));
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
