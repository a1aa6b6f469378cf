package dev.cloudmetrics.http;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.time.Sleeper;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Lets requests go so that no stretch of one second ever holds more than the rate allows where they
 * arrive. Two rules: each request goes at least {@code 1.1/rate} seconds after the one before (the
 * tenth absorbs differences in how long requests take to reach the service); and at rate R
 * ({@code N = max(1, floor(R))} a window of {@code N/R} seconds), a request goes no sooner than a
 * window after the answer to the one N before, when that answer is in: that one has surely
 * arrived by then, so the two can never share a window however late the network delivers. A limiter that hands out
 * one permit per fixed time slot (Failsafe's smooth limiter) can let two go a few milliseconds
 * apart, at the end of one slot and the start of the next: three within a second at 2/s, which a
 * service counting the last second refuses.
 */
public final class RequestPacing {
  /** Slowest --rate: one request every 10 s (anything slower is a mistake, e.g. 1e-10 would wait 317 years). */
  public static final double SLOWEST = 0.1;
  /** Fastest --rate. */
  public static final double FASTEST = 1000;
  /** A second and the margin kept against arrival jitter: at rate R, R requests take at least this long. */
  static final double SPACED_SECOND_NANOS = 1.1e9;

  private final long spacingNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  // Fair, so that callers waiting on the pace go in the order they came.
  private final ReentrantLock lock = new ReentrantLock(true);
  private long lastGrantNanos;
  private boolean granted;
  private final int perWindow;
  private final long windowNanos;
  // When the answers to the last perWindow grants came in (oldest first); 0 while one is still out.
  private final java.util.ArrayDeque<Grant> recent = new java.util.ArrayDeque<>();

  /** One request let go; closing it says its answer (or failure) is in. */
  public final class Grant implements AutoCloseable {
    private long answeredNanos;

    @Override
    public void close() {
      lock.lock();
      try {
        answeredNanos = Math.max(1, nanoTime.getAsLong());
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * @param requestsPerSecond positive
   * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
   * @param sleeper how to wait for the next turn
   */
  public RequestPacing(double requestsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requestsPerSecond must be positive: " + requestsPerSecond);
    }
    this.spacingNanos = Math.max(1, (long) Math.ceil(SPACED_SECOND_NANOS / requestsPerSecond));
    this.perWindow = (int) Math.max(1, Math.floor(requestsPerSecond));
    this.windowNanos = (long) Math.ceil(perWindow * 1e9 / requestsPerSecond);
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /**
   * Reads a {@code --rate} as typed: requests per second from {@link #SLOWEST} to {@link #FASTEST}.
   *
   * @param usual the default, named in the message
   * @throws InvalidInputException naming the flag, the value and the range
   */
  public static double parseRate(String text, String usual) {
    double rate;
    try {
      rate = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      rate = Double.NaN;
    }
    // The negated test also refuses NaN.
    if (!(rate >= SLOWEST && rate <= FASTEST)) {
      throw new InvalidInputException("--rate '" + text + "': expected requests per second from " + SLOWEST + " to "
          + (int) FASTEST + ", e.g. 2 or 0.5 (default " + usual + ")");
    }
    return rate;
  }

  /** Pacing in real time. */
  public static RequestPacing realTime(double requestsPerSecond) {
    return new RequestPacing(requestsPerSecond, System::nanoTime, Sleeper.real());
  }

  /** Returns when the next request may go: at once if the last ones went (and were answered) long enough ago. */
  public Grant acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      if (granted) {
        // A sleep may end early only by an interrupt, which throws; the loop guards against a coarse clock.
        for (long wait = waitNanos(); wait > 0; wait = waitNanos()) {
          sleeper.sleep(Duration.ofNanos(wait));
        }
      }
      lastGrantNanos = nanoTime.getAsLong();
      granted = true;
      Grant grant = new Grant();
      recent.addLast(grant);
      if (recent.size() > perWindow) {
        recent.pollFirst();
      }
      return grant;
    } finally {
      lock.unlock();
    }
  }

  private long waitNanos() {
    long now = nanoTime.getAsLong();
    long wait = lastGrantNanos + spacingNanos - now;
    Grant windowAgo = recent.size() == perWindow ? recent.peekFirst() : null;
    if (windowAgo != null && windowAgo.answeredNanos != 0) {
      wait = Math.max(wait, windowAgo.answeredNanos + windowNanos - now);
    }
    return wait;
  }
}
