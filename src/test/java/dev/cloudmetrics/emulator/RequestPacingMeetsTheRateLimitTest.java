package dev.cloudmetrics.emulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.http.RequestPacing;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The client's pacing at the documented 2 per second never meets the emulator's FlowLimitExceeded. */
class RequestPacingMeetsTheRateLimitTest {
  private static final long MILLI = 1_000_000L;

  @Test
  void requestsPacedAtTwoPerSecondAreNeverThrottledEvenWhenTheNetworkDelaysThemUnevenly() throws Exception {
    long[] clientNanos = {0};
    long[] serverNanos = {0};
    RequestPacing pacing = new RequestPacing(2, () -> clientNanos[0], d -> clientNanos[0] += d.toNanos());
    AccessKeyRateLimit service = new AccessKeyRateLimit(2, () -> serverNanos[0]);
    Random random = new Random(2);
    long lastArrival = 0;
    for (int i = 0; i < 5000; i++) {
      clientNanos[0] += random.nextInt(4) == 0 ? random.nextInt(1500) * MILLI : 0;
      pacing.acquire();
      // Up to 100 ms on the way, differently for each request; arrivals keep their order on one connection.
      lastArrival = Math.max(lastArrival, clientNanos[0] + random.nextInt(100) * MILLI);
      serverNanos[0] = lastArrival;
      assertTrue(service.tryAcquire("AK"), "request " + i + " throttled");
    }
  }

  @Test
  void requestsSentOneAfterTheOtherAreNeverThrottledHoweverLateTheNetworkDeliversThem() throws Exception {
    long[] clientNanos = {0};
    long[] serverNanos = {0};
    RequestPacing pacing = new RequestPacing(2, () -> clientNanos[0], d -> clientNanos[0] += d.toNanos());
    AccessKeyRateLimit service = new AccessKeyRateLimit(2, () -> serverNanos[0]);
    Random random = new Random(3);
    for (int i = 0; i < 5000; i++) {
      RequestPacing.Grant grant = pacing.acquire();
      // Up to 900 ms on the way (a stalled client, a congested link), far beyond the pacing's margin.
      serverNanos[0] = clientNanos[0] + random.nextInt(900) * MILLI;
      assertTrue(service.tryAcquire("AK"), "request " + i + " throttled");
      clientNanos[0] = serverNanos[0] + random.nextInt(50) * MILLI;
      grant.close();
    }
  }
}
