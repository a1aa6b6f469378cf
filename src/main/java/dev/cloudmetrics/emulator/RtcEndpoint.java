package dev.cloudmetrics.emulator;

import dev.cloudmetrics.http.FormEncoding;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /?Action=ListRealTimeOperationData&Version=2020-12-01} and {@code POST /?Action=ListApps}
 * (2020-12-01, 2023-11-01): gateway, rate limit, then the RTC service.
 */
final class RtcEndpoint {
  static final String ACTION = "ListRealTimeOperationData";
  static final String VERSION = "2020-12-01";
  private static final String SERVICE = "rtc";
  private static final String DEFAULT_REGION = "cn-north-1";

  private final VolcengineGateway gateway;
  private final AccessKeyRateLimit rateLimit;
  private final AccessKeyRateLimit listAppsLimit;
  private final Clock clock;

  /** {@code listAppsLimit}: ListApps has its own documented ceiling (20 QPS), apart from the data action's. */
  RtcEndpoint(VolcengineGateway gateway, AccessKeyRateLimit rateLimit, AccessKeyRateLimit listAppsLimit, Clock clock) {
    this.gateway = gateway;
    this.rateLimit = rateLimit;
    this.listAppsLimit = listAppsLimit;
    this.clock = clock;
  }

  /** The gateway's error answer for an injected fault with a status, before any signature check. */
  Reply failure(ReceivedRequest request, int status) {
    return envelope(request).error(VolcengineErrors.injected(status));
  }

  Reply handle(ReceivedRequest request) {
    Map<String, String> query = query(request);
    String action = query.getOrDefault("Action", "");
    String version = query.getOrDefault("Version", "");
    VolcengineEnvelope envelope = envelope(request);
    try {
      boolean listApps = action.equals(AppListing.ACTION) && AppListing.VERSIONS.contains(version);
      if (!request.method().equals("POST") || !request.path().equals("/")
          || !(listApps || (action.equals(ACTION) && version.equals(VERSION)))) {
        throw VolcengineErrors.invalidActionOrVersion(action, version);
      }
      VolcengineGateway.Caller caller = gateway.authenticate(request);
      envelope = envelope.inRegion(caller.region());
      if (!(listApps ? listAppsLimit : rateLimit).tryAcquire(caller.accessKeyId())) {
        throw VolcengineErrors.flowLimitExceeded();
      }
      return envelope.result(listApps ? AppListing.answer(request.body(), version, clock.instant())
          : RealtimeOperationData.answer(request.body(), clock.instant()));
    } catch (Rejection rejection) {
      return envelope.error(rejection);
    } catch (RuntimeException e) {
      return envelope.error(VolcengineErrors.internalError());
    }
  }

  private VolcengineEnvelope envelope(ReceivedRequest request) {
    Map<String, String> query = query(request);
    return new VolcengineEnvelope(query.getOrDefault("Action", ""), query.getOrDefault("Version", ""), SERVICE,
        DEFAULT_REGION, VolcengineEnvelope.newRequestId(clock));
  }

  private static Map<String, String> query(ReceivedRequest request) {
    Map<String, String> query = new HashMap<>();
    FormEncoding.decode(request.rawQuery()).forEach(p -> query.putIfAbsent(p.getKey(), p.getValue()));
    return query;
  }
}
