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
}
