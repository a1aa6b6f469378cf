package dev.cloudmetrics.cdn;

import dev.cloudmetrics.auth.AwsV4Signer;
import dev.cloudmetrics.auth.Credentials;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.ApiResponse;
import dev.cloudmetrics.http.FormEncoding;
import dev.cloudmetrics.http.HttpTransport;
import dev.cloudmetrics.time.ApiTimeFormats;
import dev.cloudmetrics.time.FinalBuckets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code --top N}: the stream URLs with the most viewers in the latest final minute, from KSYun
 * {@code GetLiveTopOnlineUserData} (ResultType 1, the query's regions), through the command's
 * transport so that they count against its rate. With --domain-ids, one call per domain (all
 * live domains from {@code GetCdnDomains?CdnType=live}), the lists merged by viewers.
 */
public final class TopStreamsLister {
  static final String TOP_ACTION = "GetLiveTopOnlineUserData";
  static final String DOMAINS_ACTION = "GetCdnDomains";
  static final String TOP_PATH = "/2016-09-01/statistics/" + TOP_ACTION;
  static final String DOMAINS_PATH = "/2016-09-01/domain/" + DOMAINS_ACTION;
  static final int DOMAIN_PAGE = 500;
  private static final String SERVICE = "cdn";
  private static final List<String> SIGNED_HEADERS = List.of("X-Action", "X-Version");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final HttpTransport transport;
  private final Credentials credentials;
  private final Clock clock;
  private final OnlineUsersQuery query;
  private final TopStreams top;
  private final Consumer<String> notices;

  /**
   * @param query where to ask (endpoint, signing region) and for which regions
   * @param notices receives a line when a call may have been cut at its LimitN
   */
  public TopStreamsLister(HttpTransport transport, Credentials credentials, Clock clock, OnlineUsersQuery query,
      TopStreams top, Consumer<String> notices) {
    this.transport = transport;
    this.credentials = credentials;
    this.clock = clock;
    this.query = query;
    this.top = top;
    this.notices = notices;
  }

  /**
   * The minute asked for: the latest one that is final at {@code now}. The data is 3-8 minutes late
   * (the statistics family's latency, assumed for this action [inferred]), and the action answers
   * for the one minute {@code StartTime} names [sdk comment].
   */
  public static Instant minuteAskedAt(Instant now) {
    return FinalBuckets.cdn(MINUTE).finalBefore(now).minus(MINUTE);
  }

  /** What --dry-run says the discovery does, one line each. */
  public List<String> steps() {
    Instant minute = minuteAskedAt(clock.instant());
    String call = TOP_ACTION + " for the minute " + ApiTimeFormats.beijingMinutes(minute)
        + " (the latest final one), ResultType 1, Regions " + regions() + ", LimitN " + top.limitPerCall();
    if (top.allDomains()) {
      return List.of("Discovery: " + DOMAINS_ACTION + "?CdnType=live lists the live domains, then one " + call
          + " per domain;", "the " + top.count() + " streams with the most viewers of all of them are queried.");
    }
    if (top.perDomain()) {
      return List.of("Discovery: one " + call + " per domain of --domain-ids;",
          "the " + top.count() + " streams with the most viewers of all of them are queried.");
    }
    return List.of("Discovery: " + call + ";", "its streams are queried.");
  }

  /** The first discovery request, signed now: what --dry-run shows. */
  public ApiRequest signedFirstRequest() {
    if (top.allDomains()) {
      return sign(domainsRequest(1));
    }
    return sign(topRequest(minuteAskedAt(clock.instant()), top.domainIds().stream().findFirst().orElse("")));
  }

  /** The stream URLs, most viewers first, each once, verbatim as the API wrote them. */
  public List<String> list() {
    Instant minute = minuteAskedAt(clock.instant());
    List<String> domains = !top.perDomain() ? List.of("") : top.allDomains() ? liveDomains() : top.domainIds();
    List<ListingResponseParser.ListedStream> all = new ArrayList<>();
    for (String domain : domains) {
      all.addAll(topOf(minute, domain));
    }
    // Stable: equal counts keep the API's order, and the first domain's before the next one's.
    all.sort(Comparator.comparingLong(ListingResponseParser.ListedStream::onlineUsers).reversed());
    return all.stream().map(ListingResponseParser.ListedStream::streamUrl).distinct().limit(top.count())
        .collect(Collectors.toList());
  }

  private List<ListingResponseParser.ListedStream> topOf(Instant minute, String domainId) {
    ApiRequest unsigned = topRequest(minute, domainId);
    ApiResponse response = transport.send(TOP_ACTION, () -> sign(unsigned), new KsyunErrorDecoder());
    List<ListingResponseParser.ListedStream> streams = ListingResponseParser.topStreams(response.body());
    // Only a full page at the API's own ceiling can hide streams the user asked for: a call for
    // --top 10 that returns 10 gave what was asked.
    if (streams.size() == TopStreams.MOST_PER_CALL && top.limitPerCall() == TopStreams.MOST_PER_CALL) {
      notices.accept(TOP_ACTION + (domainId.isEmpty() ? "" : " for domain " + domainId) + " returned exactly LimitN "
          + TopStreams.MOST_PER_CALL + " streams: the list may have been cut"
          + (top.perDomain() ? "" : "; --domain-ids all asks each live domain apart"));
    }
    return streams;
  }

  private List<String> liveDomains() {
    List<String> domains = new ArrayList<>();
    for (int page = 1; ; page++) {
      ApiRequest unsigned = domainsRequest(page);
      ApiResponse response = transport.send(DOMAINS_ACTION, () -> sign(unsigned), new KsyunErrorDecoder());
      ListingResponseParser.DomainPage listed = ListingResponseParser.domains(response.body());
      domains.addAll(listed.onlineDomainIds());
      if (listed.listed() == 0 || (long) page * DOMAIN_PAGE >= listed.total()) {
        return domains;
      }
    }
  }

  private ApiRequest topRequest(Instant minute, String domainId) {
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    parameters.add(Map.entry("StartTime", ApiTimeFormats.beijingMinutes(minute)));
    parameters.add(Map.entry("ResultType", "1"));
    parameters.add(Map.entry("Regions", regions()));
    parameters.add(Map.entry("LimitN", Integer.toString(top.limitPerCall())));
    if (!domainId.isEmpty()) {
      parameters.add(Map.entry("DomainIds", domainId));
    }
    return new ApiRequest("POST", URI.create(base() + TOP_PATH), headers(TOP_ACTION, true),
        FormEncoding.encode(parameters).getBytes(StandardCharsets.UTF_8));
  }

  /** A GET with its parameters in the query, as the Python and PHP SDKs send it. */
  private ApiRequest domainsRequest(int page) {
    String parameters = FormEncoding.encode(List.of(Map.entry("CdnType", "live"),
        Map.entry("PageSize", Integer.toString(DOMAIN_PAGE)), Map.entry("PageNumber", Integer.toString(page))));
    return new ApiRequest("GET", URI.create(base() + DOMAINS_PATH + "?" + parameters), headers(DOMAINS_ACTION, false),
        new byte[0]);
  }

  private String regions() {
    return query.regions().stream().map(Enum::name).collect(Collectors.joining(","));
  }

  private String base() {
    return query.endpoint().toString().replaceAll("/+$", "");
  }

  private static Map<String, String> headers(String action, boolean form) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Action", action);
    headers.put("X-Version", OnlineUsersClient.VERSION);
    if (form) {
      headers.put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
    }
    headers.put("Accept", "application/json");
    return headers;
  }

  private ApiRequest sign(ApiRequest unsigned) {
    return new AwsV4Signer(query.signingRegion(), SERVICE).sign(unsigned, SIGNED_HEADERS, credentials, clock.instant());
  }
}
