package dev.cloudmetrics.emulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ways the emulator can fail a request on purpose, each with the name a fault spec gives it. */
public enum FaultKind {
  /** No fault: the normal answer. With firstN it lets requests through before the faults after it. */
  NONE("ok"),
  /** HTTP 429 in the vendor's envelope (Volcengine FlowLimitExceeded, KSYun Throttling) with Retry-After. */
  THROTTLED("429"),
  /** HTTP 500 with the vendor's error body. */
  INTERNAL_ERROR("500"),
  /** HTTP 502 with the vendor's error body. */
  BAD_GATEWAY("502"),
  /** HTTP 503 with the vendor's error body. */
  UNAVAILABLE("503"),
  /** HTTP 504 with the vendor's error body. */
  GATEWAY_TIMEOUT("504"),
  /** HTTP 502 as a proxy in front of the service sends it: an HTML page, no vendor envelope. */
  PROXY_PAGE("html502"),
  /** The connection is closed without any answer. */
  RESET("reset"),
  /** The normal answer, announced with its full Content-Length, cut off halfway with the connection. */
  TRUNCATED("truncate"),
  /** The normal answer after a delay. */
  SLOW("slow");

  private final String specName;

  FaultKind(String specName) {
    this.specName = specName;
  }

  /** The name in a fault spec, e.g. {@code 503} or {@code reset}. */
  public String specName() {
    return specName;
  }

  /** The HTTP status of an answer in the vendor's error envelope; empty for the other kinds. */
  Optional<Integer> serviceStatus() {
    return switch (this) {
      case THROTTLED, INTERNAL_ERROR, BAD_GATEWAY, UNAVAILABLE, GATEWAY_TIMEOUT -> Optional.of(Integer.parseInt(specName));
      default -> Optional.empty();
    };
  }

  static Optional<FaultKind> bySpecName(String name) {
    return Arrays.stream(values()).filter(kind -> kind.specName.equals(name)).findFirst();
  }

  /** The spec names, as error messages list them. */
  static String specNames() {
    return Arrays.stream(values()).map(FaultKind::specName).collect(Collectors.joining(", "));
  }
}
