package dev.cloudmetrics.serve;

import dev.cloudmetrics.failure.InvalidInputException;

/** Where --serve listens: {@code HOST:PORT}, or {@code :PORT} for every interface; port 0 picks a free one. */
public record ServeAddress(String host, int port) {
  /** The host of {@code :PORT}: every interface. */
  public static final String ANY = "0.0.0.0";

  /**
   * Reads {@code HOST:PORT}, {@code :PORT} or {@code [IPv6]:PORT}.
   *
   * @throws InvalidInputException naming the value and the forms it may take
   */
  public static ServeAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw invalid(text, "no port");
    }
    String host = text.substring(0, colon).strip();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw invalid(text, "an IPv6 address goes in brackets, as in [::1]:9184");
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1).strip());
    } catch (NumberFormatException e) {
      throw invalid(text, "the port is not a number");
    }
    if (port < 0 || port > 65_535) {
      throw invalid(text, "a port is 0 to 65535");
    }
    return new ServeAddress(host.isEmpty() ? ANY : host, port);
  }

  private static InvalidInputException invalid(String text, String why) {
    return new InvalidInputException("--serve '" + text + "': " + why + "; expected HOST:PORT or :PORT (port 0 picks "
        + "a free one), e.g. 127.0.0.1:9184");
  }
}
