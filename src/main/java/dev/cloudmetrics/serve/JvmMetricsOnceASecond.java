package dev.cloudmetrics.serve;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;

/**
 * The Prometheus client's JVM and process metrics, collected at most once a {@link #MAX_AGE} however
 * many scrape. Collecting them is the dearest part of a scrape: the thread metrics' two deadlock
 * searches each stop the whole JVM at a safepoint (every scrape in flight with it), and the process
 * metrics read /proc and call getters that throw. Ten scrapers then queued behind each other's
 * safepoints; now they share one collection a second, and a scraper (every 15 s or more) still sees
 * fresh values.
 */
final class JvmMetricsOnceASecond implements MultiCollector {
  static final Duration MAX_AGE = Duration.ofSeconds(1);

  private final PrometheusRegistry jvm = new PrometheusRegistry();
  private MetricSnapshots collected;
  private long collectedAt;

  JvmMetricsOnceASecond() {
    JvmMetrics.builder().register(jvm);
  }

  @Override
  public synchronized MetricSnapshots collect() {
    long now = System.nanoTime();
    if (collected == null || now - collectedAt >= MAX_AGE.toNanos()) {
      collected = jvm.scrape();
      collectedAt = now;
    }
    return collected;
  }
}
