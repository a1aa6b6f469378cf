package dev.cloudmetrics.rtc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.auth.VolcengineSigner;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.ApiResponse;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.output.AnsweredRows;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.time.FinalBuckets;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.output.RowSink;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends {@code ListRealTimeOperationData} once per app of a query and passes the rows on in time order. */
public final class RealtimeClient {
  public static final RowSchema SCHEMA =
      new RowSchema("rtc list-realtime", List.of("app_id", "indicator"), "value");
  static final String ACTION = "ListRealTimeOperationData";
  static final String VERSION = "2020-12-01";
  private static final String SERVICE = "rtc";
  // The service's home zone, as in its documented examples; any RFC 3339 offset is accepted.
  private static final ZoneOffset SENT_OFFSET = ZoneOffset.ofHours(8);
  private static final JsonFactory JSON = new JsonFactory();

  private final HttpTransport transport;
  private final Credentials credentials;
  private final Clock clock;

  public RealtimeClient(HttpTransport transport, Credentials credentials, Clock clock) {
    this.transport = transport;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** The requests a run would send, signed now: what --dry-run shows. */
  public List<ApiRequest> signedRequests(RealtimeQuery query) {
    return query.appIds().stream().map(app -> sign(query, request(query, app))).toList();
  }

  /** Fetches every app's data and writes the rows sorted by time (apps and indicators in query order). */
  public void fetch(RealtimeQuery query, RowSink sink) throws IOException {
    for (Row row : rows(query)) {
      sink.accept(row);
    }
  }

  /**
   * Every app's rows, one request per app, sorted by time (apps and indicators in query order),
   * without the buckets that are still incomplete unless the query keeps them.
   */
  public List<Row> rows(RealtimeQuery query) {
    List<Row> rows = new ArrayList<>();
    for (String app : query.appIds()) {
      ApiRequest unsigned = request(query, app);
      ApiResponse response = transport.send(ACTION, () -> sign(query, unsigned), new VolcengineErrorDecoder());
      rows.addAll(answered(query, app).reconcile(RealtimeResponseParser.parse(response.body(), app, query.indicators()),
          transport::note));
    }
    query.completeBefore().ifPresent(limit -> rows.removeIf(row -> !row.time().isBefore(limit)));
    rows.sort(Comparator.comparing(Row::time)); // stable: keeps app and indicator order per bucket
    return rows;
  }

  /**
   * What one app's answer must hold: 30-second buckets from the window's first through the one its
   * end falls in, of that app (indicators not asked for still count, as the parser keeps them).
   */
  private static AnsweredRows answered(RealtimeQuery query, String app) {
    FinalBuckets grid = FinalBuckets.rtc();
    return new AnsweredRows(ACTION, grid, grid.bucketOf(query.window().start()), query.window().end(),
        labels -> labels.get(0).equals(app));
  }

  private ApiRequest sign(RealtimeQuery query, ApiRequest unsigned) {
    return new VolcengineSigner(query.region().id(), SERVICE).sign(unsigned, credentials, clock.instant());
  }

  static ApiRequest request(RealtimeQuery query, String appId) {
    String base = query.endpoint().toString().replaceAll("/+$", "");
    URI uri = URI.create(base + "/?Action=" + ACTION + "&Version=" + VERSION);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json");
    return new ApiRequest("POST", uri, headers, body(query, appId));
  }

  private static byte[] body(RealtimeQuery query, String appId) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("AppId", appId);
      json.writeStringField("StartTime", ApiTimeFormats.rfc3339Seconds(query.window().start(), SENT_OFFSET));
      json.writeStringField("EndTime", ApiTimeFormats.rfc3339Seconds(query.window().end(), SENT_OFFSET));
      json.writeArrayFieldStart("Indicator");
      for (String indicator : query.indicators()) {
        json.writeString(indicator);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
