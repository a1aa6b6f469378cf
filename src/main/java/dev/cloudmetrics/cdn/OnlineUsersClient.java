package dev.cloudmetrics.cdn;

import dev.cloudmetrics.auth.AwsV4Signer;
import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.ApiResponse;
import dev.cloudmetrics.http.FormEncoding;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.output.RowSink;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends {@code GetLiveOnlineUserDataByStream} for a query and passes the rows on. */
public final class OnlineUsersClient {
  static final String ACTION = "GetLiveOnlineUserDataByStream";
  static final String VERSION = "2016-09-01";
  static final String PATH = "/2016-09-01/statistics/" + ACTION;
  private static final String SERVICE = "cdn";
  // What the official CDN client signs; Content-Type and Accept travel unsigned.
  private static final List<String> SIGNED_HEADERS = List.of("X-Action", "X-Version");

  private final HttpTransport transport;
  private final Credentials credentials;
  private final Clock clock;

  public OnlineUsersClient(HttpTransport transport, Credentials credentials, Clock clock) {
    this.transport = transport;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** The columns: merged results have no labels, per-stream results a stream and a region. */
  public static RowSchema schema(boolean perStream) {
    return perStream
        ? new RowSchema("cdn online-users", List.of("stream_url", "region"), "online_users")
        : new RowSchema("cdn online-users", List.of(), "online_users");
  }

  /** The requests a run would send, signed now: what --dry-run shows. */
  public List<ApiRequest> signedRequests(OnlineUsersQuery query) {
    return List.of(sign(query, request(query)));
  }

  public void fetch(OnlineUsersQuery query, RowSink sink) throws IOException {
    ApiRequest unsigned = request(query);
    ApiResponse response = transport.send(ACTION, () -> sign(query, unsigned), new KsyunErrorDecoder());
    for (Row row : OnlineUsersResponseParser.parse(response.body(), query.perStream())) {
      sink.accept(row);
    }
  }

  private ApiRequest sign(OnlineUsersQuery query, ApiRequest unsigned) {
    return new AwsV4Signer(query.signingRegion(), SERVICE)
        .sign(unsigned, SIGNED_HEADERS, credentials, clock.instant());
  }

  static ApiRequest request(OnlineUsersQuery query) {
    String base = query.endpoint().toString().replaceAll("/+$", "");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Action", ACTION);
    headers.put("X-Version", VERSION);
    headers.put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
    headers.put("Accept", "application/json");
    return new ApiRequest("POST", URI.create(base + PATH), headers,
        FormEncoding.encode(parameters(query)).getBytes(StandardCharsets.UTF_8));
  }

  private static List<Map.Entry<String, String>> parameters(OnlineUsersQuery query) {
    return List.of(
        Map.entry("StartTime", ApiTimeFormats.beijingMinutes(query.window().start())),
        Map.entry("EndTime", ApiTimeFormats.beijingMinutes(query.window().end())),
        Map.entry("StreamUrls", String.join(",", query.streamUrls())),
        Map.entry("Regions", query.regions().stream().map(Enum::name).collect(Collectors.joining(","))),
        Map.entry("ResultType", Integer.toString(query.resultType())),
        Map.entry("Granularity", Integer.toString(query.granularity().minutes())),
        Map.entry("CdnType", "live"));
  }
}
