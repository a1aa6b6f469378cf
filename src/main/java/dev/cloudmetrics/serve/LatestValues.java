package dev.cloudmetrics.serve;

import dev.cloudmetrics.output.PrometheusText;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest final value of every series, as scrapes see it: an immutable map, its snapshot and the
 * bytes of that snapshot in each {@link Exposition} scrapers asked for, built once per poll and
 * swapped in whole after each poll, so a scrape only reads a reference and copies bytes (however
 * many scrapers, whatever the API does meanwhile). A series without a value in its last
 * {@link #STALE_AFTER_BUCKETS} final buckets (a stream that ended) disappears.
 */
public final class LatestValues implements Collector {
  /** How many final buckets without a value a series is kept for. */
  public static final int STALE_AFTER_BUCKETS = 5;

  /**
   * What scrapes see between two polls: the rows, their snapshot, and its bytes in each exposition
   * asked for (rendered by the first scrape that asks, or ahead by the poll for those the previous
   * state was asked for; each once).
   */
  static final class State {
    private final Map<List<String>, Row> rows;
    private final GaugeSnapshot snapshot;
    private final Map<Exposition, byte[]> rendered = new ConcurrentHashMap<>();
    private final Set<Exposition> asked = ConcurrentHashMap.newKeySet();

    private State(Map<List<String>, Row> rows, GaugeSnapshot snapshot) {
      this.rows = rows;
      this.snapshot = snapshot;
    }

    /** The series' snapshot. */
    GaugeSnapshot snapshot() {
      return snapshot;
    }

    /** The snapshot in {@code exposition}, as a part that others follow ({@link Exposition#middle}). */
    byte[] bytes(Exposition exposition) {
      asked.add(exposition);
      return render(exposition);
    }

    private byte[] render(Exposition exposition) {
      return rendered.computeIfAbsent(exposition, e -> e.middle(MetricSnapshots.of(snapshot)));
    }
  }

  private final String metric;
  private final String help;
  private final String[] labelNames;
  private final Duration bucket;
  private volatile State state;

  /** @param bucket the size of the buckets, which says how long a series without new values stays */
  public LatestValues(RowSchema schema, Duration bucket) {
    this.metric = PrometheusText.metricName(schema);
    this.help = PrometheusText.help(schema);
    this.labelNames = schema.labelColumns().stream().map(PrometheusText::labelName).toArray(String[]::new);
    this.bucket = bucket;
    this.state = new State(Map.of(), snapshot(Map.of()));
  }

  /**
   * Takes one poll's final rows (buckets before {@code finalBefore}); called by the one polling
   * thread, while scrapes read the previous state.
   */
  public void update(List<Row> rows, Instant finalBefore) {
    Map<List<String>, Row> next = new HashMap<>(state.rows);
    for (Row row : rows) {
      next.merge(row.labels(), row, (kept, fresh) -> fresh.time().isBefore(kept.time()) ? kept : fresh);
    }
    Instant oldest = finalBefore.minus(bucket.multipliedBy(STALE_AFTER_BUCKETS));
    next.values().removeIf(row -> row.time().isBefore(oldest));
    State previous = state;
    State fresh = new State(Map.copyOf(next), snapshot(next));
    // What scrapers asked for since the last poll is rendered here, so that no scrape waits for it;
    // an exposition no one asked for in a whole bucket is rendered again only when asked.
    previous.asked.forEach(fresh::render);
    state = fresh;
  }

  /** The newest final row of every series still shown, by its labels. */
  public Map<List<String>, Row> rows() {
    return state.rows;
  }

  /** What scrapes see now: one state, whole, however the polls go on meanwhile. */
  State state() {
    return state;
  }

  /** The name of the one metric collected. */
  String metric() {
    return metric;
  }

  @Override
  public MetricSnapshot collect() {
    return state.snapshot;
  }

  private GaugeSnapshot snapshot(Map<List<String>, Row> rows) {
    List<GaugeDataPointSnapshot> points = new ArrayList<>(rows.size());
    for (Row row : rows.values()) {
      points.add(new GaugeDataPointSnapshot(row.value().doubleValue(),
          Labels.of(labelNames, row.labels().toArray(String[]::new)), null));
    }
    return new GaugeSnapshot(new MetricMetadata(metric, help), points);
  }
}
