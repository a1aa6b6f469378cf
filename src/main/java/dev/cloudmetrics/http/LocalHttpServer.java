package dev.cloudmetrics.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/** The JDK's HTTP server as the emulator and the exporter both serve with it. */
public final class LocalHttpServer {
  private static final String NODELAY = "sun.net.httpserver.nodelay";

  private LocalHttpServer() {}

  /**
   * A server bound to {@code address} (not started) whose answers go out as soon as they are
   * written: without TCP_NODELAY a body ending in a short segment waits for the peer's delayed ACK
   * of the headers (40 ms on Linux). The JDK reads the setting once, when its server is first used
   * in the process; an explicit {@code -Dsun.net.httpserver.nodelay=false} still wins.
   */
  public static HttpServer create(InetSocketAddress address) throws IOException {
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    return HttpServer.create(address, 0);
  }
}
