package dev.cloudmetrics.rtc;

import java.net.URI;

/** A Volcengine region the RTC OpenAPI is served from: it picks the host and the signing region. */
public enum RtcRegion {
  CN_NORTH_1("cn-north-1", "https://rtc.volcengineapi.com"),
  AP_SINGAPORE_1("ap-singapore-1", "https://open-ap-singapore-1.volcengineapi.com");

  private final String id;
  private final URI endpoint;

  RtcRegion(String id, String endpoint) {
    this.id = id;
    this.endpoint = URI.create(endpoint);
  }

  /** The name users type and the signer puts in the credential scope. */
  public String id() {
    return id;
  }

  public URI defaultEndpoint() {
    return endpoint;
  }
}
