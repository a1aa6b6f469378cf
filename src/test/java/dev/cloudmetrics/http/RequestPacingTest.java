package dev.cloudmetrics.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.http.ScriptedServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPacingTest {
  private static final long SECOND = 1_000_000_000L;

  /** A clock that only moves when the pacing sleeps or the caller idles. */
  private static final class FakeTime {
    long nanos = 7 * SECOND;
  }

  @ParameterizedTest(name = "{0} per second")
  @ValueSource(doubles = {2, 1, 0.5, 3, 10, 1.5})
  void noSecondEverHoldsMoreRequestsThanTheRateAndNoRequestWaitsLongerThanItMust(double rate) throws Exception {
    FakeTime time = new FakeTime();
    RequestPacing pacing = new RequestPacing(rate, () -> time.nanos, d -> time.nanos += d.toNanos());
    long spacing = (long) Math.ceil(1.1e9 / rate); // a tenth kept against arrival jitter
    Random random = new Random(Double.hashCode(rate));
    List<Long> grants = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      // Mostly back to back (several apps, retries), sometimes idle for a while (between watch polls).
      time.nanos += random.nextInt(3) == 0 ? (long) (random.nextDouble() * 2 * SECOND) : 0;
      long asked = time.nanos;
      pacing.acquire();
      long granted = time.nanos;
      long earliest = grants.isEmpty() ? asked : Math.max(asked, grants.get(grants.size() - 1) + spacing);
      assertEquals(earliest, granted, "request " + i);
      grants.add(granted);
    }
    int allowed = (int) Math.max(1, Math.ceil(rate));
    for (int i = 0; i + allowed < grants.size(); i++) {
      assertTrue(grants.get(i + allowed) - grants.get(i) >= SECOND,
          (allowed + 1) + " requests within a second from request " + i);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
  void aRateThatIsNotPositiveIsABug(double rate) {
    assertThrows(IllegalArgumentException.class, () -> new RequestPacing(rate, System::nanoTime, d -> { }));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void anInterruptedWaitLetsNothingThrough(int callers) {
    FakeTime time = new FakeTime();
    RequestPacing pacing = new RequestPacing(2, () -> time.nanos, d -> {
      throw new InterruptedException();
    });
    assertThrowsNothing(pacing);
    for (int i = 0; i < callers; i++) {
      assertThrows(InterruptedException.class, pacing::acquire);
    }
    time.nanos += Duration.ofMillis(550).toNanos();
    assertThrowsNothing(pacing);
  }

  @Test
  void aRetryWaitsForItsTurnLikeAnyOtherRequest() throws Exception {
    String throttled = "{\"ResponseMetadata\":{\"Error\":{\"Code\":\"FlowLimitExceeded\",\"Message\":\"slow\"}}}";
    try (ScriptedServer server = new ScriptedServer(Reply.of(429, throttled), Reply.of(200, "{}"))) {
      // One request an hour, back-off of a millisecond: the retry can only be waiting for the pace.
      HttpTransport transport = new HttpTransport(new TransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 4,
          Duration.ofMillis(1), Duration.ofMillis(1), 1.0 / 3600), RequestLog.silent());
      AtomicReference<RuntimeException> failure = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          transport.send("Test", () -> new ApiRequest("POST", server.uri(), Map.of(), new byte[0]),
              response -> Optional.empty());
        } catch (RuntimeException e) {
          failure.set(e);
        }
      });
      caller.start();
      while (caller.isAlive() && Arrays.stream(caller.getStackTrace()).noneMatch(f -> f.getClassName().equals(RequestPacing.class.getName())
          && f.getMethodName().equals("acquire")) || server.requestCount() == 0) {
        Thread.sleep(5);
      }
      caller.interrupt();
      caller.join();

      assertEquals(1, server.requestCount());
      assertEquals("interrupted", failure.get().getMessage());
    }
  }

  private static void assertThrowsNothing(RequestPacing pacing) {
    try {
      pacing.acquire();
    } catch (InterruptedException e) {
      throw new AssertionError("waited although the last request went long enough ago", e);
    }
  }
}
