package dev.cloudmetrics.emulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The RTC limit on a hand-driven clock: bursts up to the rate, then one request per refilled token. */
class AccessKeyRateLimitTest {
  final AtomicLong nanos = new AtomicLong(5_000_000_000_000L);

  @Test
  void twoPerSecondRefusesAThirdArrivalWithinTheSecondOfTheFirstTwo() {
    AccessKeyRateLimit limit = new AccessKeyRateLimit(2, nanos::get);

    assertTrue(limit.tryAcquire("k"));
    nanos.addAndGet(500_000_000);
    assertTrue(limit.tryAcquire("k"));
    // 999 ms after the first: a token bucket would let it through, a count of the last second does not.
    nanos.addAndGet(499_000_000);
    assertFalse(limit.tryAcquire("k"));
    nanos.addAndGet(1_000_000);
    assertTrue(limit.tryAcquire("k"));
    assertFalse(limit.tryAcquire("k"));
  }

  @Test
  void eachKeyHasItsOwnBucket() {
    AccessKeyRateLimit limit = new AccessKeyRateLimit(1, nanos::get);

    assertTrue(limit.tryAcquire("a"));
    assertFalse(limit.tryAcquire("a"));
    assertTrue(limit.tryAcquire("b"));
  }

  @Test
  void aRateBelowOneStillLetsTheFirstRequestThrough() {
    AccessKeyRateLimit limit = new AccessKeyRateLimit(0.5, nanos::get);

    assertTrue(limit.tryAcquire("k"));
    nanos.addAndGet(1_000_000_000);
    assertFalse(limit.tryAcquire("k"));
    nanos.addAndGet(1_000_000_000);
    assertTrue(limit.tryAcquire("k"));
  }

  @Test
  void rateZeroIsOff() {
    AccessKeyRateLimit limit = new AccessKeyRateLimit(0, nanos::get);

    for (int i = 0; i < 100; i++) {
      assertTrue(limit.tryAcquire("k"));
    }
  }
}
