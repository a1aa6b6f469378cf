package dev.cloudmetrics.http;

import dev.cloudmetrics.failure.InvalidInputException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies the environment names, read as curl reads them: {@code https_proxy} for https://,
 * {@code http_proxy} for http://, {@code all_proxy} for either (each also in upper case, the lower
 * case first), and {@code no_proxy}, a comma-separated list of host names, domain suffixes
 * ({@code example.com} and {@code .example.com} both cover {@code api.example.com}), addresses,
 * or {@code *} for every host. A proxy is {@code http://host:port} (port 1080 if left out).
 */
public final class EnvironmentProxies extends ProxySelector {
  private static final int CURL_DEFAULT_PORT = 1080;

  private final Optional<InetSocketAddress> forHttp;
  private final Optional<InetSocketAddress> forHttps;
  private final List<String> noProxy;

  private EnvironmentProxies(Optional<InetSocketAddress> forHttp, Optional<InetSocketAddress> forHttps,
      List<String> noProxy) {
    this.forHttp = forHttp;
    this.forHttps = forHttps;
    this.noProxy = noProxy;
  }

  /**
   * The proxies of {@code environment}, or empty when it names none.
   *
   * @throws InvalidInputException a proxy variable that is not an http:// proxy this tool can use, named
   */
  public static Optional<ProxySelector> of(Map<String, String> environment) {
    Optional<InetSocketAddress> all = proxy(environment, "all_proxy");
    Optional<InetSocketAddress> http = proxy(environment, "http_proxy").or(() -> all);
    Optional<InetSocketAddress> https = proxy(environment, "https_proxy").or(() -> all);
    if (http.isEmpty() && https.isEmpty()) {
      return Optional.empty();
    }
    List<String> noProxy = variable(environment, "no_proxy").map(list -> List.of(list.split(",")).stream()
        .map(entry -> entry.strip().toLowerCase(Locale.ROOT)).filter(entry -> !entry.isEmpty()).toList())
        .orElse(List.of());
    return Optional.of(new EnvironmentProxies(http, https, noProxy));
  }

  @Override
  public List<Proxy> select(URI uri) {
    Optional<InetSocketAddress> proxy = "https".equalsIgnoreCase(uri.getScheme()) ? forHttps : forHttp;
    if (proxy.isEmpty() || bypassed(uri.getHost())) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, proxy.get()));
  }

  @Override
  public void connectFailed(URI uri, SocketAddress proxy, IOException failure) {
    // The transport reports the failure with its retries; there is no other proxy to fall back to.
  }

  private boolean bypassed(String host) {
    String name = host == null ? "" : host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    for (String entry : noProxy) {
      String suffix = entry.startsWith(".") ? entry.substring(1) : entry;
      if (entry.equals("*") || name.equals(suffix) || name.endsWith("." + suffix)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<InetSocketAddress> proxy(Map<String, String> environment, String lowerName) {
    Optional<String> named = variable(environment, lowerName);
    if (named.isEmpty()) {
      return Optional.empty();
    }
    String name = environment.containsKey(lowerName) && !environment.get(lowerName).isBlank()
        ? lowerName : lowerName.toUpperCase(Locale.ROOT);
    String text = named.get().strip();
    try {
      URI uri = new URI(text.contains("://") ? text : "http://" + text);
      if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        throw new InvalidInputException(name + ": not an http:// proxy (host:port or http://host:port); "
            + "cloudmetrics talks to the proxy in plain HTTP and tunnels https:// through it");
      }
      if (uri.getRawUserInfo() != null) {
        // The value is not quoted: it holds a password.
        throw new InvalidInputException(name + ": a proxy with a user name and password is not supported; "
            + "use a proxy that needs none, or unset " + name);
      }
      int port = uri.getPort() == -1 ? CURL_DEFAULT_PORT : uri.getPort();
      return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(), port));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new InvalidInputException(name + ": not a proxy address (host:port or http://host:port)");
    }
  }

  private static Optional<String> variable(Map<String, String> environment, String lowerName) {
    return Optional.ofNullable(environment.get(lowerName))
        .or(() -> Optional.ofNullable(environment.get(lowerName.toUpperCase(Locale.ROOT))))
        .filter(value -> !value.isBlank());
  }
}
