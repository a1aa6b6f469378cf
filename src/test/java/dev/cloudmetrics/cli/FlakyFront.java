package dev.cloudmetrics.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for a service having a bad time, in front of the emulator: while {@code down} holds
 * for the clock's time it answers 503, otherwise it passes each request through byte for byte (its
 * Host header too, which the signature covers).
 */
final class FlakyFront implements AutoCloseable {
  private final HttpServer server;
  private final int target;
  private final Clock clock;
  private final Predicate<Instant> down;
  private final AtomicInteger refused = new AtomicInteger();

  FlakyFront(int targetPort, Clock clock, Predicate<Instant> down) throws IOException {
    this.target = targetPort;
    this.clock = clock;
    this.down = down;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::exchange);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many requests it answered with 503. */
  int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (down.test(clock.instant())) {
        refused.incrementAndGet();
        reply(exchange, 503, "Service Unavailable".getBytes(StandardCharsets.UTF_8), "text/plain");
        return;
      }
      pass(exchange, body);
    }
  }

  private void pass(HttpExchange exchange, byte[] body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), target)) {
      StringBuilder head = new StringBuilder(exchange.getRequestMethod()).append(' ')
          .append(exchange.getRequestURI().toString()).append(" HTTP/1.1\r\n");
      for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
        String name = header.getKey().toLowerCase(Locale.ROOT);
        if (!name.equals("connection") && !name.equals("content-length")) {
          head.append(header.getKey()).append(": ").append(String.join(",", header.getValue())).append("\r\n");
        }
      }
      head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      byte[] answer = socket.getInputStream().readAllBytes();
      int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      String[] lines = new String(answer, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      String type = Arrays.stream(lines).filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("application/json");
      reply(exchange, status, Arrays.copyOfRange(answer, end + 4, answer.length), type);
    }
  }

  private static void reply(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static int indexOf(byte[] data, byte[] part) {
    for (int i = 0; i + part.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new IllegalStateException("no end of the response head in " + data.length + " bytes");
  }
}
