package dev.cloudmetrics.emulator;

/** The refusals of KSYun's gateway and of {@code GetLiveOnlineUserDataByStream}, worded as documented. */
final class KsyunErrors {
  private KsyunErrors() {}

  static Rejection badRequest(String code, String message) {
    return new Rejection(400, code, message);
  }

  static Rejection forbidden(String code, String message) {
    return new Rejection(403, code, message);
  }

  static Rejection notFound(String method, String path) {
    return new Rejection(404, "InvalidAction", "The action or resource " + method + " " + path + " does not exist.");
  }

  static Rejection internalError() {
    return new Rejection(500, "InternalError", "The emulator failed to answer this request.");
  }

  /** The gateway's answer for an injected failure of the given HTTP status (codes in AWS's style). */
  static Rejection injected(int status) {
    return switch (status) {
      case 429 -> new Rejection(429, "Throttling", "Rate exceeded.");
      case 500 -> new Rejection(500, "InternalError", "We encountered an internal error. Please try again.");
      case 502 -> new Rejection(502, "BadGateway", "The service behind the gateway gave no valid answer.");
      case 503 -> new Rejection(503, "ServiceUnavailable", "The service is unavailable. Please try again later.");
      case 504 -> new Rejection(504, "GatewayTimeout", "The service behind the gateway did not answer in time.");
      default -> throw new IllegalArgumentException("no injected error with status " + status);
    };
  }
}
