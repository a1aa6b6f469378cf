package dev.cloudmetrics.http;

import dev.cloudmetrics.failure.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Reads a user's --endpoint: an absolute http(s) base URL with a host. */
public final class Endpoints {
  /** The highest TCP port. */
  public static final int MOST_PORT = 65535;

  private Endpoints() {}

  public static URI parse(String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        if (uri.getPort() == 0 || uri.getPort() > MOST_PORT) {
          throw new InvalidInputException("--endpoint '" + text + "': port " + uri.getPort()
              + " is not a TCP port; expected 1 to " + MOST_PORT);
        }
        return uri;
      }
    } catch (URISyntaxException e) {
      // falls through to the same message as any other URL that is not a base URL
    }
    throw new InvalidInputException("--endpoint '" + text
        + "': not a base URL; give an absolute http(s) URL with a host, e.g. http://127.0.0.1:8080");
  }
}
