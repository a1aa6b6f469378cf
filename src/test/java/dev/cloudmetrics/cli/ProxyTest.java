package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured as curl honours them, through a loopback forward proxy. */
class ProxyTest {
  static final Instant NOW = Instant.parse("2024-05-20T04:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path home;

  /** A forward proxy: reads the request line (absolute URL), connects to its host and relays both ways. */
  static final class ForwardProxy implements AutoCloseable {
    final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final List<String> requestLines = new CopyOnWriteArrayList<>();

    ForwardProxy() throws IOException {
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket client = server.accept();
            new Thread(() -> relay(client)).start();
          } catch (IOException e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void relay(Socket client) {
      try (client; InputStream in = client.getInputStream()) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
          line.write(b);
        }
        String requestLine = line.toString(StandardCharsets.US_ASCII).strip();
        requestLines.add(requestLine);
        URI target = URI.create(requestLine.split(" ")[1]);
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
          OutputStream up = upstream.getOutputStream();
          up.write((requestLine + "\r\n").getBytes(StandardCharsets.US_ASCII));
          Thread back = new Thread(() -> copy(upstream, client));
          back.start();
          in.transferTo(up);
          back.join();
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        // The client or the server closed: the exchange is over.
      }
    }

    private static void copy(Socket from, Socket to) {
      try {
        from.getInputStream().transferTo(to.getOutputStream());
        to.shutdownOutput();
      } catch (IOException e) {
        // closed
      }
    }

    String address() {
      return "http://127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  CliRun.Result run(Emulator emulator, Map<String, String> proxyVariables) {
    Map<String, String> env = new HashMap<>(proxyVariables);
    env.put("KSYUN_ACCESS_KEY", DemoCredentials.KSYUN.accessKeyId());
    env.put("KSYUN_SECRET_KEY", DemoCredentials.KSYUN.secretAccessKey());
    return new CliRun(CLOCK, env, home).run("cdn", "online-users", "--endpoint", emulator.baseUri().toString(),
        "-s", "rtmp://demo.example/live/a", "--last", "30m", "-f", "csv");
  }

  @Test
  void httpProxyCarriesTheRequestAndNoProxyBypassesIt() throws IOException {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false));
        ForwardProxy proxy = new ForwardProxy()) {
      CliRun.Result direct = run(emulator, Map.of());
      CliRun.Result proxied = run(emulator, Map.of("HTTP_PROXY", proxy.address()));
      CliRun.Result bypassed = run(emulator, Map.of("http_proxy", proxy.address(), "NO_PROXY", "localhost,127.0.0.1"));

      assertEquals(ExitCode.OK, proxied.exitCode(), proxied.err());
      assertEquals(direct.out(), proxied.out());
      assertEquals(List.of("POST " + emulator.baseUri() + "/2016-09-01/statistics/GetLiveOnlineUserDataByStream HTTP/1.1"),
          proxy.requestLines);
      assertEquals(ExitCode.OK, bypassed.exitCode(), bypassed.err());
      assertEquals(direct.out(), bypassed.out());
      assertEquals(1, proxy.requestLines.size());
    }
  }

  @Test
  void aProxyWithAPasswordIsRefusedWithoutShowingIt() {
    try (Emulator emulator = Emulator.start(new EmulatorOptions(0, CLOCK, 0, false))) {
      CliRun.Result result = run(emulator, Map.of("HTTPS_PROXY", "http://me:s3cret@proxy.example:3128",
          "HTTP_PROXY", "http://me:s3cret@proxy.example:3128"));

      assertEquals(ExitCode.INVALID_INPUT, result.exitCode(), result.err());
      assertTrue(result.err().startsWith("cloudmetrics: HTTP_PROXY: a proxy with a user name and password is not "
          + "supported"), result.err());
      assertTrue(!result.err().contains("s3cret"), result.err());
      assertEquals(0, emulator.requestCount());
    }
  }

  @Test
  void theSandboxIsNeverReachedThroughAProxy() throws IOException {
    int closedPort;
    try (ServerSocket nothing = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = nothing.getLocalPort();
    }
    Map<String, String> env = Map.of("HTTP_PROXY", "http://127.0.0.1:" + closedPort);

    CliRun.Result result = new CliRun(Clock.systemUTC(), env, home).run("--sandbox", "cdn", "online-users",
        "-s", "rtmp://demo.example/live/a", "--last", "30m", "-f", "csv");

    assertEquals(ExitCode.OK, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("time,online_users\n"), result.out());
  }
}
