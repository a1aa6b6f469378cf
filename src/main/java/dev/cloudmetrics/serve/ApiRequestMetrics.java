package dev.cloudmetrics.serve;

import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.http.ApiResponse;
import dev.cloudmetrics.http.RequestLog;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The exporter's own metrics of its API requests, fed by the transport's log of every attempt
 * (retries count): requests by outcome, their durations, and when one last succeeded. Every other
 * log (-v, --debug) still gets each attempt.
 */
public final class ApiRequestMetrics implements RequestLog {
  /** The values of the {@code outcome} label, which the shipped alert rules match. */
  public static final List<String> OUTCOMES = List.of("success", "error", "throttled", "timeout");

  private final String api;
  private final Clock clock;
  private final RequestLog next;
  private final Counter requests;
  private final Histogram durations;
  private final Gauge lastSuccess;

  /**
   * @param api {@code rtc} or {@code cdn}, the {@code api} label
   * @param next the log that also gets every attempt
   */
  public ApiRequestMetrics(String api, Clock clock, RequestLog next, PrometheusRegistry registry) {
    this.api = api;
    this.clock = clock;
    this.next = next;
    this.requests = Counter.builder().name("cloudmetrics_api_requests_total")
        .help("API requests sent by the exporter, retries included, by API and outcome.")
        .labelNames("api", "outcome").register(registry);
    this.durations = Histogram.builder().name("cloudmetrics_api_request_duration_seconds")
        .help("Time from sending an API request to its answer or failure.")
        .labelNames("api").classicOnly()
        .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30).register(registry);
    this.lastSuccess = Gauge.builder().name("cloudmetrics_last_success_timestamp_seconds")
        .help("When an API request last succeeded, in seconds since the epoch (absent before the first).")
        .labelNames("api").register(registry);
    // Every outcome from the start, so that rate() and the alert rules see the zeros too.
    OUTCOMES.forEach(outcome -> requests.initLabelValues(api, outcome));
  }

  @Override
  public void sending(Attempt attempt) {
    next.sending(attempt);
  }

  @Override
  public void answered(Attempt attempt, ApiResponse response, Optional<ApiError> error, Duration elapsed) {
    String outcome = error.map(e -> e.isThrottling() ? "throttled" : "error").orElse("success");
    count(outcome, elapsed);
    if (error.isEmpty()) {
      lastSuccess.labelValues(api).set(clock.millis() / 1000.0);
    }
    next.answered(attempt, response, error, elapsed);
  }

  @Override
  public void failed(Attempt attempt, Exception failure, Duration elapsed) {
    count(timedOut(failure) ? "timeout" : "error", elapsed);
    next.failed(attempt, failure, elapsed);
  }

  @Override
  public void waiting(String action, Duration delay) {
    next.waiting(action, delay);
  }

  private void count(String outcome, Duration elapsed) {
    requests.labelValues(api, outcome).inc();
    durations.labelValues(api).observe(elapsed.toNanos() / 1e9);
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
