package dev.cloudmetrics.emulator;

/**
 * The refusals the Volcengine gateway and the RTC service answer with. Only CodeN 100006 and
 * 100010 are in our sources; the other numbers stand in for the gateway's and are not meant to
 * be relied on.
 */
final class VolcengineErrors {
  private VolcengineErrors() {}

  static Rejection invalidAuthorization(String message) {
    return new Rejection(401, "InvalidAuthorization", 100009, message);
  }

  static Rejection invalidTimestamp(String message) {
    return new Rejection(401, "InvalidTimestamp", 100006, message);
  }

  static Rejection invalidAccessKey(String accessKeyId) {
    return new Rejection(401, "InvalidAccessKey", 100009,
        "The specified access key " + accessKeyId + " does not exist.");
  }

  static Rejection invalidSecurityToken() {
    return new Rejection(401, "InvalidSecurityToken", 100026,
        "The security token included in the request is missing or invalid.");
  }

  static Rejection signatureDoesNotMatch(String message) {
    return new Rejection(401, "SignatureDoesNotMatch", 100010, message);
  }

  static Rejection flowLimitExceeded() {
    return new Rejection(429, "FlowLimitExceeded", 100018,
        "The request rate of this access key exceeds the limit; retry later.");
  }

  static Rejection invalidActionOrVersion(String action, String version) {
    return new Rejection(404, "InvalidActionOrVersion", 100008,
        "Could not find operation " + action + " for version " + version + ".");
  }

  static Rejection missingParameter(String name) {
    return new Rejection(400, "MissingParameter", 100002,
        "The input parameter '" + name + "' that is mandatory for processing this request is not supplied.");
  }

  static Rejection invalidParameter(String message) {
    return new Rejection(400, "InvalidParameter", 100003, message);
  }

  static Rejection outOfTimeRange(String message) {
    return new Rejection(400, "InvalidParameter.OutofTimeRange", 100003, message);
  }

  static Rejection internalError() {
    return new Rejection(500, "InternalError", 100014, "The emulator failed to answer this request.");
  }

  /** The gateway's own words for an injected failure of the given HTTP status. */
  static Rejection injected(int status) {
    return switch (status) {
      case 429 -> flowLimitExceeded();
      case 500 -> new Rejection(500, "InternalError", 100014, "Service has some internal Error. Pls Contact With Admin.");
      case 502 -> new Rejection(502, "InternalServiceError", 100015, "Internal Service Error.");
      case 503 -> new Rejection(503, "ServiceUnavailableTemp", 100023, "Service is temporarily unavailable.");
      case 504 -> new Rejection(504, "InternalServiceTimeout", 100016, "Internal Service is timeout.");
      default -> throw new IllegalArgumentException("no injected error with status " + status);
    };
  }
}
