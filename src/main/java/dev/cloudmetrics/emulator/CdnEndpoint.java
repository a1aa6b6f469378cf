package dev.cloudmetrics.emulator;

import java.time.Clock;
import java.util.Locale;

/** {@code POST /2016-09-01/statistics/GetLiveOnlineUserDataByStream}: gateway, then the CDN service. */
final class CdnEndpoint {
  static final String ACTION = "GetLiveOnlineUserDataByStream";
  static final String VERSION = "2016-09-01";
  static final String PATH = "/" + VERSION + "/statistics/" + ACTION;

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

  private boolean xml(ReceivedRequest request) {
    return xmlErrors || request.header("Accept").orElse("").toLowerCase(Locale.ROOT).contains("xml");
  }
}
