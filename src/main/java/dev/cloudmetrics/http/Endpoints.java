package dev.cloudmetrics.http;

import dev.cloudmetrics.failure.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Reads a user's --endpoint: an absolute http(s) base URL with a host. */
public final class Endpoints {
  private Endpoints() {}

  public static URI parse(String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // falls through to the same message as any other URL that is not a base URL
    }
    throw new InvalidInputException("--endpoint '" + text
        + "': not a base URL; give an absolute http(s) URL with a host, e.g. http://127.0.0.1:8080");
  }
}
