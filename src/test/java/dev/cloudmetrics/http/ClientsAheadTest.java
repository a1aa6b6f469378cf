package dev.cloudmetrics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.http.ScriptedServer.Reply;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The client built ahead goes to the one transport it was built for, once, and works there. */
class ClientsAheadTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(7);

  @Test
  void theTransportOfTheSameSchemeAndTimeoutTakesItOnce() {
    ClientsAhead ahead = ClientsAhead.of(false, TIMEOUT);
    ahead.build();

    assertEquals(Optional.empty(), ahead.take(true, TIMEOUT), "an https transport took the http client");
    assertEquals(Optional.empty(), ahead.take(false, Duration.ofSeconds(8)), "another connect timeout took it");
    Optional<HttpClient> taken = ahead.take(false, TIMEOUT);
    assertTrue(taken.isPresent());
    assertEquals(Optional.of(TIMEOUT), taken.get().connectTimeout());
    assertEquals(Optional.empty(), ahead.take(false, TIMEOUT), "taken twice");
  }

  @Test
  void aTransportWaitsForTheClientBeingBuiltAndSendsWithIt() throws Exception {
    ClientsAhead ahead = ClientsAhead.of(false, TIMEOUT);
    CompletableFuture<Void> building = CompletableFuture.runAsync(ahead::build);
    try (ScriptedServer server = new ScriptedServer(Reply.of(200, "{}"))) {
      HttpTransport transport = new HttpTransport(new TransportSettings(TIMEOUT, Duration.ofSeconds(5), 0,
          Duration.ofMillis(1), Duration.ofMillis(5), 0), RequestLog.silent(), ahead);

      ApiResponse response = transport.send("Test",
          () -> new ApiRequest("POST", server.uri(), Map.of(), "{}".getBytes(StandardCharsets.UTF_8)),
          answer -> Optional.empty());

      building.join();
      assertEquals(200, response.status());
      assertTrue(transport.built(false));
      assertEquals(Optional.empty(), ahead.take(false, TIMEOUT), "the transport did not take the client built ahead");
      transport.close();
      ahead.close();
    }
  }

  @Test
  void noneGivesNoClient() {
    assertEquals(Optional.empty(), ClientsAhead.none().take(true, TIMEOUT));
    assertEquals(Optional.empty(), ClientsAhead.none().take(false, TIMEOUT));
  }
}
