package dev.cloudmetrics.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cloudmetrics.failure.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local stand-ins of the Volcengine RTC and KSYun CDN APIs on 127.0.0.1, checking signatures,
 * limits and parameters as the services do and answering with {@link SyntheticData}.
 */
public final class Emulator implements AutoCloseable {
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService threads;
  private final RtcEndpoint rtc;
  private final CdnEndpoint cdn;
  private final AtomicInteger requests = new AtomicInteger();

  private Emulator(HttpServer server, EmulatorOptions options) {
    this.server = server;
    this.rtc = new RtcEndpoint(
        new VolcengineGateway(List.of(DemoCredentials.VOLCENGINE, DemoCredentials.VOLCENGINE_STS), "rtc", options.clock()),
        new AccessKeyRateLimit(options.rtcRequestsPerSecond(), System::nanoTime), options.clock());
    this.cdn = new CdnEndpoint(new KsyunGateway(List.of(DemoCredentials.KSYUN), "cdn", options.clock()),
        options.clock(), options.xmlErrors());
    this.threads = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "cloudmetrics-emulator");
      thread.setDaemon(true); // never keeps a CLI run or a test JVM alive
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/", this::exchange);
  }

  /** Listens on 127.0.0.1 at the options' port and serves until {@link #close()}. */
  public static Emulator start(EmulatorOptions options) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
    } catch (IOException e) {
      throw new InvalidInputException("--port '" + options.port() + "': cannot listen on 127.0.0.1:" + options.port()
          + " (" + e.getMessage() + ")");
    }
    Emulator emulator = new Emulator(server, options);
    server.start();
    return emulator;
  }

  /** {@code http://127.0.0.1:PORT}, what {@code --endpoint} takes. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Every HTTP request received so far, answered or refused. */
  public int requestCount() {
    return requests.get();
  }

  /** Stops at once, dropping any exchange still in flight. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      ReceivedRequest request = ReceivedRequest.read(exchange);
      Reply reply = CdnEndpoint.owns(request) ? cdn.handle(request) : rtc.handle(request);
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      byte[] body = reply.body();
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
