package dev.cloudmetrics.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP client built ahead of a transport's first request, on another thread while the command
 * line is still being parsed: the TLS client's set-up (providers, trust store) is 40 ms of a query.
 * The transport whose scheme and connect timeout it was built for takes it, once, and owns it from
 * then on; a client nobody took is closed by {@link #close()}.
 */
public final class ClientsAhead implements AutoCloseable {
  private static final ClientsAhead NONE = new ClientsAhead(false, Duration.ZERO, CompletableFuture.completedFuture(null));

  private final boolean tls;
  private final Duration connectTimeout;
  private final CompletableFuture<HttpClient> client;
  private final AtomicBoolean taken = new AtomicBoolean();

  private ClientsAhead(boolean tls, Duration connectTimeout, CompletableFuture<HttpClient> client) {
    this.tls = tls;
    this.connectTimeout = connectTimeout;
    this.client = client;
  }

  /** No client ahead: every transport builds its own. */
  public static ClientsAhead none() {
    return NONE;
  }

  /** A client for https:// ({@code tls}) or http:// to be built by {@link #build()}, which some thread must call. */
  public static ClientsAhead of(boolean tls, Duration connectTimeout) {
    return new ClientsAhead(tls, connectTimeout, new CompletableFuture<>());
  }

  /** Builds the client (on the calling thread). A failure leaves the transport to build its own and meet it. */
  public void build() {
    try {
      client.complete(HttpTransport.newClient(tls, connectTimeout));
    } catch (RuntimeException | Error e) {
      client.complete(null);
    }
  }

  /** The client built ahead, if it fits and no transport took it yet (waiting for it while it is being built). */
  Optional<HttpClient> take(boolean tls, Duration connectTimeout) {
    if (this.tls != tls || !this.connectTimeout.equals(connectTimeout) || !taken.compareAndSet(false, true)) {
      return Optional.empty();
    }
    return Optional.ofNullable(client.join());
  }

  /** Closes the client if no transport took it (where the JDK can close one: 21 and later). */
  @Override
  public void close() {
    if (taken.compareAndSet(false, true)) {
      HttpClient unused = client.join();
      if (unused != null) {
        HttpTransport.close(unused);
      }
    }
  }
}
