package dev.cloudmetrics.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Says in a line what went wrong on the network, naming the host and how often it was tried. */
final class NetworkFailures {
  private NetworkFailures() {}

  static String describe(IOException failure, ApiRequest request, TransportSettings settings, int attempts) {
    String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
    String host = request.hostHeader();
    if (failure instanceof HttpConnectTimeoutException) {
      if ("https".equalsIgnoreCase(request.uri().getScheme()) && acceptsConnections(request, settings)) {
        return "no TLS answer from " + hostAndPort(request) + " within " + shown(settings.connectTimeout()) + " ("
            + tries + "), though it accepts connections: if that port serves plain HTTP, use http:// in --endpoint";
      }
      return "cannot connect to " + hostAndPort(request) + " within " + shown(settings.connectTimeout())
          + " (" + tries + ")";
    }
    if (failure instanceof HttpTimeoutException) {
      return "no complete answer from " + host + " within " + shown(settings.requestTimeout()) + " (" + tries + ")";
    }
    if (failure instanceof ConnectException || causedBy(failure, UnresolvedAddressException.class)) {
      return "cannot connect to " + hostAndPort(request) + " (" + reason(failure) + ") after " + tries;
    }
    if (causedBy(failure, SSLException.class)) {
      return "TLS handshake with " + host + " failed (" + reason(failure) + ") after " + tries;
    }
    return "connection to " + host + " failed (" + reason(failure) + ") after " + tries;
  }

  /** Whether a plain TCP connection opens: then a timed-out connect was the TLS handshake going unanswered. */
  private static boolean acceptsConnections(ApiRequest request, TransportSettings settings) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(request.uri().getHost(), port(request)),
          (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static int port(ApiRequest request) {
    int port = request.uri().getPort();
    return port != -1 ? port : "http".equalsIgnoreCase(request.uri().getScheme()) ? 80 : 443;
  }

  private static String hostAndPort(ApiRequest request) {
    return request.uri().getHost() + ":" + port(request);
  }

  /** The first message in the cause chain: the JDK client often wraps the telling one. */
  private static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host";
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage().strip();
      }
    }
    // JDK 17's client reports a refused connection as a ConnectException without any message.
    return failure instanceof ConnectException ? "Connection refused" : failure.getClass().getSimpleName();
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String shown(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }
}
