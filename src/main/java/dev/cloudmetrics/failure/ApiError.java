package dev.cloudmetrics.failure;

import java.util.Optional;

/**
 * An error the API answered with: HTTP status, the vendor's error code and message, and the
 * request id when the envelope carried one.
 */
public record ApiError(int httpStatus, String code, String message, Optional<String> requestId) {

  /** Vendor codes meaning the credentials or the signature were refused. */
  private static final java.util.Set<String> AUTH_CODES = java.util.Set.of(
      "SignatureDoesNotMatch", "InvalidAccessKey", "InvalidAccessKeyId", "InvalidTimestamp",
      "MissingAuthenticationToken", "InvalidClientTokenId", "InvalidSecurityToken",
      "InvalidAuthorization", "RequestExpired", "ExpiredToken", "AccessDenied");

  /** Vendor codes meaning "slow down"; retried like HTTP 429. */
  private static final java.util.Set<String> THROTTLE_CODES = java.util.Set.of(
      "Throttling", "ThrottlingException", "FlowLimitExceeded", "QPSOverLimit",
      "RequestLimitExceeded", "TooManyRequests");

  /** Vendor codes meaning the service failed, whatever the HTTP status (RTC sends them with 200); retried like 5xx. */
  private static final java.util.Set<String> SERVICE_FAILURE_CODES = java.util.Set.of(
      "InternalError", "InternalServerError", "InternalServiceError", "ServiceUnavailable",
      "ServiceUnavailableTemporary", "ServiceTemporarilyUnavailable");

  public boolean isAuthFailure() {
    return httpStatus == 401 || httpStatus == 403 || AUTH_CODES.contains(code);
  }

  public boolean isThrottling() {
    return httpStatus == 429 || THROTTLE_CODES.contains(code) || code.endsWith("QPSOverLimit");
  }

  /** Worth sending again: throttling, the service's own failures and the 5xx statuses the vendors' SDKs retry. */
  public boolean isTransient() {
    return isThrottling() || SERVICE_FAILURE_CODES.contains(code) || httpStatus == 500 || httpStatus == 502 || httpStatus == 503
        || httpStatus == 504 || httpStatus == 509;
  }

  /** {@code CODE: message (request id …)}, as users see it. */
  public String describe() {
    return code + ": " + message + requestId.map(id -> " (request id " + id + ")").orElse("");
  }
}
