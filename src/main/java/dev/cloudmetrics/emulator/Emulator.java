package dev.cloudmetrics.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.http.LocalHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local stand-ins of the Volcengine RTC and KSYun CDN APIs on 127.0.0.1, checking signatures,
 * limits and parameters as the services do and answering with {@link SyntheticData}.
 */
public final class Emulator implements AutoCloseable {
  /** What a proxy in front of the services answers when it cannot reach them (nginx's page). */
  private static final String PROXY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
      + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

  /** ListApps' documented ceiling (spec-discovery §1), on whenever the RTC limit is. */
  private static final double LIST_APPS_PER_SECOND = 20;

  private final HttpServer server;
  private final ExecutorService threads;
  private final RtcEndpoint rtc;
  private final CdnEndpoint cdn;
  private final AtomicInteger requests = new AtomicInteger();
  private final FaultPlan faults;

  private Emulator(HttpServer server, EmulatorOptions options) {
    this.server = server;
    this.faults = options.faults();
    this.rtc = new RtcEndpoint(
        new VolcengineGateway(List.of(DemoCredentials.VOLCENGINE, DemoCredentials.VOLCENGINE_STS), "rtc", options.clock()),
        new AccessKeyRateLimit(options.rtcRequestsPerSecond(), System::nanoTime),
        new AccessKeyRateLimit(options.rtcRequestsPerSecond() > 0 ? LIST_APPS_PER_SECOND : 0, System::nanoTime),
        options.clock());
    this.cdn = new CdnEndpoint(new KsyunGateway(List.of(DemoCredentials.KSYUN), "cdn", options.clock()),
        options.clock(), options.xmlErrors());
    // A thread per exchange in flight, so slow answers never hold up the others.
    this.threads = Executors.newCachedThreadPool(task -> {
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
      server = LocalHttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()));
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

  /** Every HTTP request received so far, answered, refused or faulted. */
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
    long number = requests.incrementAndGet();
    ReceivedRequest request = ReceivedRequest.read(exchange);
    boolean toCdn = CdnEndpoint.owns(request);
    Optional<Fault> fault = faults.faultFor(number);
    if (fault.isEmpty()) {
      Wire.send(exchange, answer(request, toCdn));
      return;
    }
    switch (fault.get().kind()) {
      case RESET -> Wire.hangUp(exchange);
      case TRUNCATED -> Wire.cutShort(exchange, answer(request, toCdn));
      case PROXY_PAGE -> Wire.send(exchange, Reply.html(502, PROXY_PAGE));
      case SLOW -> {
        if (pause(fault.get().time())) {
          Wire.send(exchange, answer(request, toCdn));
        }
      }
      case NONE -> Wire.send(exchange, answer(request, toCdn)); // a plan never hands it out; here for completeness
      case THROTTLED, INTERNAL_ERROR, BAD_GATEWAY, UNAVAILABLE, GATEWAY_TIMEOUT -> {
        int status = fault.get().kind().serviceStatus().orElseThrow();
        Reply failure = toCdn ? cdn.failure(request, status) : rtc.failure(request, status);
        Wire.send(exchange, status == 429
            ? failure.withHeader("Retry-After", Long.toString(fault.get().time().toSeconds())) : failure);
      }
    }
  }

  private Reply answer(ReceivedRequest request, boolean toCdn) {
    return toCdn ? cdn.handle(request) : rtc.handle(request);
  }

  /** Waits out a slow answer; false when the emulator is closing (the exchange is then dropped). */
  private static boolean pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
