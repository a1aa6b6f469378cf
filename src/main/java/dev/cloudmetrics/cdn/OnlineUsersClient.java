package dev.cloudmetrics.cdn;

import dev.cloudmetrics.auth.AwsV4Signer;
import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.ApiResponse;
import dev.cloudmetrics.http.FormEncoding;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.output.AnsweredRows;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.time.FinalBuckets;
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

/** Sends {@code GetLiveOnlineUserDataByStream}: a plan's requests, concurrently, passing the rows on in order. */
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

  /** The plan that answers the query within the API's limits. */
  public static RequestPlan plan(OnlineUsersQuery query) {
    return RequestPlanner.plan(query);
  }

  /** One request of a plan, signed now: what --dry-run shows. */
  public ApiRequest signedRequest(RequestPlan plan, PlannedRequest request) {
    OnlineUsersQuery query = plan.queryFor(request);
    return sign(query, request(query));
  }

  /** Sends the plan's requests and passes their rows on in the order one request would give them. */
  public void fetch(RequestPlan plan, RowSink sink, FetchSettings settings, PlanProgress progress, ResumeAdvice advice)
      throws IOException {
    new PlanRunner(request -> rows(plan.queryFor(request)), settings.concurrency(), progress, advice).run(plan, sink);
  }

  private List<Row> rows(OnlineUsersQuery query) {
    ApiRequest unsigned = request(query);
    ApiResponse response = transport.send(ACTION, () -> sign(query, unsigned), new KsyunErrorDecoder());
    return answered(query).reconcile(OnlineUsersResponseParser.parse(response.body(), query.perStream()), transport::note);
  }

  /**
   * What one request's answer must hold: buckets of its granularity from the one its start falls
   * in through the one its end falls in, of the streams and regions asked (a stream without a
   * regional breakdown has the region "").
   */
  private static AnsweredRows answered(OnlineUsersQuery query) {
    FinalBuckets grid = FinalBuckets.cdn(query.granularity().duration());
    java.util.Set<String> regions = new java.util.HashSet<>();
    query.regions().forEach(region -> regions.add(region.name()));
    return new AnsweredRows(ACTION, grid, grid.bucketOf(query.window().start()), grid.bucketOf(query.window().end()),
        labels -> labels.isEmpty() || (query.streamUrls().contains(labels.get(0))
            && (labels.get(1).isEmpty() || regions.contains(labels.get(1)))));
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
