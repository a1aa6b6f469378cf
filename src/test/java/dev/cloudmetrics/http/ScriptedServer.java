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

/** A loopback HTTP server that answers with a script, one answer per request, and records what it got. */
public final class ScriptedServer implements AutoCloseable {
  /** One scripted answer; {@code hang} keeps the request waiting until the server closes. */
  public record Reply(int status, Map<String, String> headers, String body, boolean hang) {
    public static Reply of(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body, false);
    }

    static Reply hanging() {
      return new Reply(0, Map.of(), "", true);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new java.util.LinkedHashMap<>(headers);
      more.put(name, value);
      return new Reply(status, more, body, hang);
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
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/?Action=Test");
  }

  public int requestCount() {
    return received.size();
  }

  /** The values of one request header, one per request received, in order. */
  List<String> headerValues(String name) {
    return received.stream().map(headers -> headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
        .map(e -> e.getValue().get(0)).orElse("")).toList();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
