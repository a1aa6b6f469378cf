package dev.cloudmetrics.rtc;

import java.time.Duration;
import java.util.Optional;

/**
 * What one {@code rtc list-realtime} run does: the query, how often to poll again with --watch
 * (empty: once), and the ceiling on requests per second that every request of the run keeps to.
 */
public record RealtimePlan(RealtimeQuery query, Optional<Duration> watchInterval, double requestsPerSecond) {}
