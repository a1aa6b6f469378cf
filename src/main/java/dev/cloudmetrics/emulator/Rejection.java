package dev.cloudmetrics.emulator;

/**
 * A request the emulated service refuses: HTTP status, the vendor's code and message, and the
 * numeric code Volcengine's gateway adds (0 where the vendor has none).
 */
final class Rejection extends RuntimeException {
  private final int status;
  private final String code;
  private final int codeN;

  Rejection(int status, String code, int codeN, String message) {
    super(message, null, false, false); // control flow, not a fault: no stack trace
    this.status = status;
    this.code = code;
    this.codeN = codeN;
  }

  Rejection(int status, String code, String message) {
    this(status, code, 0, message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  int codeN() {
    return codeN;
  }
}
