package dev.cloudmetrics.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per access key: {@code rate} requests per second, bursts of {@code max(1, rate)}.
 * It runs on elapsed real time, not on the emulator's clock, which tests often stop.
 */
final class AccessKeyRateLimit {
  private record Bucket(double tokens, long refilledAtNanos) {}

  private final double rate;
  private final double capacity;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new HashMap<>();

  AccessKeyRateLimit(double rate, LongSupplier nanoTime) {
    this.rate = rate;
    this.capacity = Math.max(1, rate);
    this.nanoTime = nanoTime;
  }

  /** Takes a token for {@code accessKeyId}; false when its bucket is empty. Always true with rate 0 (off). */
  synchronized boolean tryAcquire(String accessKeyId) {
    if (rate <= 0) {
      return true;
    }
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.getOrDefault(accessKeyId, new Bucket(capacity, now));
    double tokens = Math.min(capacity, bucket.tokens() + (now - bucket.refilledAtNanos()) / 1e9 * rate);
    boolean granted = tokens >= 1;
    buckets.put(accessKeyId, new Bucket(granted ? tokens - 1 : tokens, now));
    return granted;
  }
}
