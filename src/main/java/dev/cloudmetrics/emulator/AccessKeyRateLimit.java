package dev.cloudmetrics.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A limit per access key counted by arrival, as a service that counts the last second does: at
 * {@code rate} 2, a request is refused when two were let through in the second before it arrived.
 * A rate below 1 lets one through per {@code 1/rate} seconds. It runs on elapsed real time, not on
 * the emulator's clock, which tests often stop.
 */
final class AccessKeyRateLimit {
  private static final long SECOND = 1_000_000_000L;

  private final double rate;
  private final int allowed;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Deque<Long>> arrivals = new HashMap<>();

  AccessKeyRateLimit(double rate, LongSupplier nanoTime) {
    this.rate = rate;
    this.allowed = (int) Math.max(1, Math.floor(rate));
    this.windowNanos = rate <= 0 ? 0 : (long) Math.ceil(allowed * SECOND / rate);
    this.nanoTime = nanoTime;
  }

  /** Lets a request of {@code accessKeyId} through unless the window before it is full. Always true with rate 0 (off). */
  synchronized boolean tryAcquire(String accessKeyId) {
    if (rate <= 0) {
      return true;
    }
    long now = nanoTime.getAsLong();
    Deque<Long> recent = arrivals.computeIfAbsent(accessKeyId, key -> new ArrayDeque<>());
    while (!recent.isEmpty() && now - recent.peekFirst() >= windowNanos) {
      recent.pollFirst();
    }
    if (recent.size() >= allowed) {
      return false;
    }
    recent.addLast(now);
    return true;
  }
}
