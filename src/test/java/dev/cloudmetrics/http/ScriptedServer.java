package dev.cloudmetrics.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers with a script, one answer per request, and records what it
 * got: the hostile server of the transport's and the command line's tests.
 */
public final class ScriptedServer implements AutoCloseable {
  /**
   * One scripted answer; {@code hang} keeps the request waiting until the server closes, a positive
   * {@code trickle} sends the headers at once and then the body one byte per {@code trickle}.
   */
  public record Reply(int status, Map<String, String> headers, String body, boolean hang, java.time.Duration trickle) {
    public static Reply of(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, false, java.time.Duration.ZERO);
    }

    public static Reply hanging() {
      return new Reply(0, Map.of(), "", true, java.time.Duration.ZERO);
    }

    /** Headers at once, then the body one byte every {@code every}: a server that never finishes. */
    public static Reply trickling(int status, String body, java.time.Duration every) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, false, every);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> more = new java.util.LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, more, body, hang, trickle);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Map<String, List<String>>> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  public ScriptedServer(Reply... replies) throws IOException {
    script.addAll(List.of(replies));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      received.add(Map.copyOf(exchange.getRequestHeaders()));
      Reply reply;
      synchronized (script) {
        // The last reply repeats once the script runs out.
        reply = script.size() > 1 ? script.poll() : script.peek();
      }
      if (reply.hang()) {
        try {
          closing.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
        return;
      }
      // "{header:Name}" in a body stands for that request header's value: a server that echoes the request.
      String text = reply.body();
      for (var header : exchange.getRequestHeaders().entrySet()) {
        text = text.replace("{header:" + header.getKey() + "}", header.getValue().get(0))
            .replace("{header:" + header.getKey().toLowerCase(java.util.Locale.ROOT) + "}", header.getValue().get(0));
      }
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      if (reply.trickle().isZero()) {
        exchange.getResponseBody().write(body);
      } else {
        trickle(exchange.getResponseBody(), body, reply.trickle());
      }
      exchange.close();
    });
    server.start();
  }

  private void trickle(java.io.OutputStream out, byte[] body, java.time.Duration every) throws IOException {
    try {
      for (byte b : body) {
        out.write(b);
        out.flush();
        if (closing.await(every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The server's base URL with an action query, for the transport's tests. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/?Action=Test");
  }

  /** The server's base URL, for --endpoint. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int requestCount() {
    return received.size();
  }

  /** The values of one request header, one per request received, in order. */
  public List<String> headerValues(String name) {
    return received.stream().map(headers -> headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
        .map(e -> e.getValue().get(0)).orElse("")).toList();
  }

  /** Every request's headers, in order. */
  public List<Map<String, List<String>>> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
