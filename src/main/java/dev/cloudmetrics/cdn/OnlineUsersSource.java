package dev.cloudmetrics.cdn;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.output.RowSink;
import dev.cloudmetrics.schedule.BucketSource;
import dev.cloudmetrics.schedule.PollInterval;
import dev.cloudmetrics.time.FinalBuckets;
import dev.cloudmetrics.time.TimeWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CDN as a {@link BucketSource}: the streams, regions and granularity of the first query; every
 * poll is planned like a one-off export (cut into requests within the API's limits, sent
 * --concurrency at a time), so a catch-up after an outage is as safe as a long window.
 */
public final class OnlineUsersSource implements BucketSource {
  /** Longer than a day between polls would let a failed poll's gap grow past what the loop is for. */
  static final Duration LONGEST_INTERVAL = Duration.ofDays(1);

  private final OnlineUsersClient client;
  private final OnlineUsersQuery first;
  private final FinalBuckets buckets;
  private final FetchSettings settings;
  private final ResumeAdvice advice;
  private final Supplier<List<String>> streams;

  /**
   * @param buckets the query's buckets, with --latency applied
   * @param zone the zone of the times in a failed poll's message
   * @param streams the streams to poll, asked before every poll (--top's list follows the audience)
   */
  public OnlineUsersSource(OnlineUsersClient client, OnlineUsersQuery first, FinalBuckets buckets,
      FetchSettings settings, ZoneId zone, Supplier<List<String>> streams) {
    this.client = client;
    this.first = first;
    this.buckets = buckets;
    this.settings = settings;
    this.advice = new ResumeAdvice(zone, true);
    this.streams = streams;
  }

  /** The streams of {@code first}, always the same. */
  public OnlineUsersSource(OnlineUsersClient client, OnlineUsersQuery first, FinalBuckets buckets,
      FetchSettings settings, ZoneId zone) {
    this(client, first, buckets, settings, zone, first::streamUrls);
  }

  /**
   * --interval of --watch: at least a bucket (a shorter one finds nothing new), at most a day; the
   * default is one bucket. A watch has no end, so --end is refused.
   *
   * @throws InvalidInputException naming the flag, the value and the rule
   */
  public static Duration watchInterval(OnlineUsersArgs args, Optional<String> text, Granularity granularity) {
    if (args.end().isPresent()) {
      throw new InvalidInputException("--end '" + args.end().get() + "' cannot be combined with --watch, which "
          + "follows now; --start or --last choose the history printed first");
    }
    if (text.isEmpty()) {
      return granularity.duration();
    }
    return PollInterval.parse(text.get(), granularity.duration(),
        "the granularity (-g); a shorter one finds nothing new", LONGEST_INTERVAL,
        "so that a failed poll is made up soon by the next one");
  }

  @Override
  public FinalBuckets buckets() {
    return buckets;
  }

  @Override
  public Duration history() {
    return OnlineUsersQueries.HISTORY;
  }

  @Override
  public Instant oldestAvailable(Instant now) {
    Instant edge = now.minus(OnlineUsersQueries.HISTORY).plus(OnlineUsersQueries.EDGE_MARGIN);
    Instant minute = edge.truncatedTo(ChronoUnit.MINUTES);
    return minute.equals(edge) ? minute : minute.plus(Duration.ofMinutes(1));
  }

  @Override
  public List<String> series() {
    return streams.get();
  }

  /**
   * The window asked for ends at {@code finalBefore}: the API answers every bucket a window touches,
   * so the bucket starting there comes too and is left out here, as it is not final yet.
   */
  @Override
  public List<Row> fetch(List<String> series, Instant from, Instant finalBefore, Instant now) {
    OnlineUsersQuery query = new OnlineUsersQuery(series, first.regions(), first.granularity(), first.perStream(),
        new TimeWindow(from.truncatedTo(ChronoUnit.MINUTES), finalBefore), first.signingRegion(), first.endpoint());
    List<Row> rows = new ArrayList<>();
    try {
      client.fetch(OnlineUsersClient.plan(query), new Collected(rows, finalBefore), settings, PlanProgress.none(),
          advice);
    } catch (IOException e) {
      throw new UncheckedIOException("a list does not fail to take rows", e);
    }
    return rows;
  }

  /** The rows of the final buckets, kept in a list. */
  private record Collected(List<Row> rows, Instant finalBefore) implements RowSink {
    @Override
    public void begin(RowSchema schema) {}

    @Override
    public void accept(Row row) {
      if (row.time().isBefore(finalBefore)) {
        rows.add(row);
      }
    }

    @Override
    public void end() {}
  }
}
