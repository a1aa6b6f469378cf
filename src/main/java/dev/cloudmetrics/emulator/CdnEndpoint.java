package dev.cloudmetrics.emulator;

import dev.cloudmetrics.http.FormEncoding;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /2016-09-01/statistics/GetLiveOnlineUserDataByStream}, and for discovery
 * {@code GetLiveTopOnlineUserData} and {@code GetCdnDomains} (GET with a query or POST with a form):
 * gateway, then the CDN service.
 */
final class CdnEndpoint {
  static final String ACTION = "GetLiveOnlineUserDataByStream";
  static final String VERSION = "2016-09-01";
  static final String PATH = "/" + VERSION + "/statistics/" + ACTION;
  static final String TOP_PATH = "/" + VERSION + "/statistics/" + TopOnlineUserData.ACTION;

  private final KsyunGateway gateway;
  private final Clock clock;
  private final boolean xmlErrors;

  CdnEndpoint(KsyunGateway gateway, Clock clock, boolean xmlErrors) {
    this.gateway = gateway;
    this.clock = clock;
    this.xmlErrors = xmlErrors;
  }

  /** Requests KSYun's gateway would take: its path prefix, or its action header. */
  static boolean owns(ReceivedRequest request) {
    return request.path().startsWith("/" + VERSION + "/") || request.header("X-Action").isPresent();
  }

  /** The gateway's error answer for an injected fault with a status, before any signature check. */
  Reply failure(ReceivedRequest request, int status) {
    return KsyunEnvelope.error(KsyunEnvelope.newRequestId(), KsyunErrors.injected(status), xml(request));
  }

  Reply handle(ReceivedRequest request) {
    String requestId = KsyunEnvelope.newRequestId();
    boolean xml = xml(request);
    try {
      if (request.path().equals(TOP_PATH) || request.path().equals(CdnDomains.PATH)) {
        return discovery(request);
      }
      if (!request.method().equals("POST") || !request.path().equals(PATH)
          || !request.header("X-Action").orElse(ACTION).equals(ACTION)
          || !request.header("X-Version").orElse(VERSION).equals(VERSION)) {
        throw KsyunErrors.notFound(request.method(), request.path());
      }
      gateway.authenticate(request);
      return Reply.json(200, LiveOnlineUserData.answer(request.body(), clock.instant()));
    } catch (Rejection rejection) {
      return KsyunEnvelope.error(requestId, rejection, xml);
    } catch (RuntimeException e) {
      return KsyunEnvelope.error(requestId, KsyunErrors.internalError(), xml);
    }
  }

  /** The two listing actions, which the SDKs send as a GET query or a POST form, named by header or query. */
  private Reply discovery(ReceivedRequest request) {
    Map<String, String> parameters = new HashMap<>();
    String carried = request.method().equals("POST") ? new String(request.body(), StandardCharsets.UTF_8)
        : request.rawQuery();
    FormEncoding.decode(request.rawQuery()).forEach(p -> parameters.putIfAbsent(p.getKey(), p.getValue()));
    FormEncoding.decode(carried).forEach(p -> parameters.putIfAbsent(p.getKey(), p.getValue()));
    boolean top = request.path().equals(TOP_PATH);
    String action = top ? TopOnlineUserData.ACTION : CdnDomains.ACTION;
    String named = request.header("X-Action").orElse(parameters.getOrDefault("Action", action));
    String version = request.header("X-Version").orElse(parameters.getOrDefault("Version", VERSION));
    if (!(request.method().equals("GET") || request.method().equals("POST")) || !named.equals(action)
        || !version.equals(VERSION)) {
      throw KsyunErrors.notFound(request.method(), request.path());
    }
    gateway.authenticate(request);
    return Reply.json(200, top ? TopOnlineUserData.answer(parameters, clock.instant()) : CdnDomains.answer(parameters));
  }

  private boolean xml(ReceivedRequest request) {
    return xmlErrors || request.header("Accept").orElse("").toLowerCase(Locale.ROOT).contains("xml");
  }
}
