package dev.cloudmetrics.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Puts a reply on the connection: whole, cut short, or not at all. */
final class Wire {
  /** Thrown out of the handler so that the server drops the connection instead of finishing the exchange. */
  static final class HangUp extends IOException {
    private static final long serialVersionUID = 1L;

    HangUp(String why) {
      super(why, null);
    }
  }

  private Wire() {}

  static void send(HttpExchange exchange, Reply reply) throws IOException {
    try (exchange) {
      byte[] body = headers(exchange, reply);
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Closes the connection without a byte of answer, as a crashed server or a reset would. */
  static void hangUp(HttpExchange exchange) throws HangUp {
    exchange.close(); // before any response headers: the server closes the socket
    throw new HangUp("closed without an answer (injected reset)");
  }

  /**
   * Announces the whole body in Content-Length, sends the first half (less one byte, so even a
   * one-byte body is short), then drops the connection: the client sees the body end early.
   */
  static void cutShort(HttpExchange exchange, Reply reply) throws IOException {
    byte[] body = headers(exchange, reply);
    exchange.sendResponseHeaders(reply.status(), Math.max(body.length, 1));
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, Math.max(body.length / 2 - 1, 0));
    out.flush();
    throw new HangUp("body cut short after " + Math.max(body.length / 2 - 1, 0) + " of " + body.length
        + " bytes (injected truncate)");
  }

  private static byte[] headers(HttpExchange exchange, Reply reply) {
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    return reply.body();
  }
}
