package dev.cloudmetrics.sync;

import dev.cloudmetrics.output.TimeFormat;
import dev.cloudmetrics.time.Durations;
import dev.cloudmetrics.time.FinalBuckets;
import dev.cloudmetrics.time.TimeExpressions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a CSV DEST's own lines say about it: its header and the times of its last few buckets,
 * read from the end, so that a file of millions of lines costs a few kilobytes to resume. Lines
 * may end in LF or CRLF.
 */
record CsvTail(String header, String newestCell, List<Instant> times) {
  static final CsvTail EMPTY = new CsvTail("", "", List.of());
  /** Enough distinct bucket times to tell the bucket size apart from a gap. */
  private static final int TIMES_WANTED = 4;
  private static final int FIRST_CHUNK = 64 * 1024;
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  CsvTail {
    times = List.copyOf(times);
  }

  /** The end of the last whole line before {@code size}: what stays when a partial line is cut off. */
  static long lastLineEnd(FileChannel data, long size) throws IOException {
    long end = size;
    ByteBuffer one = ByteBuffer.allocate(4096);
    while (end > 0) {
      long start = Math.max(0, end - one.capacity());
      one.clear().limit((int) (end - start));
      data.read(one, start);
      for (int i = one.position() - 1; i >= 0; i--) {
        if (one.get(i) == '\n') {
          return start + i + 1;
        }
      }
      end = start;
    }
    return 0;
  }

  /** The header and the last buckets of the first {@code whole} bytes, which end with a whole line. */
  static CsvTail read(FileChannel data, long whole, ZoneId zone) throws IOException {
    if (whole == 0) {
      return EMPTY;
    }
    List<String> head = lines(data, 0, Math.min(whole, FIRST_CHUNK));
    String header = head.isEmpty() ? "" : strip(head.get(0));
    for (long chunk = FIRST_CHUNK; ; chunk *= 4) {
      long start = Math.max(0, whole - chunk);
      List<String> lines = lines(data, start, whole);
      // The first line of a chunk that starts inside the file may be cut; at the start, it is the header.
      List<String> rows = lines.subList(Math.min(1, lines.size()), lines.size());
      TreeSet<Instant> times = new TreeSet<>();
      String newestCell = "";
      for (String line : rows) {
        String cell = strip(line.substring(0, Math.max(0, line.indexOf(','))));
        if (!cell.isEmpty()) {
          times.add(parse(cell, zone));
          newestCell = cell;
        }
      }
      if (times.size() >= TIMES_WANTED || start == 0) {
        return new CsvTail(header, newestCell, new ArrayList<>(times));
      }
    }
  }

  /** The start of the newest bucket in the file. */
  Optional<Instant> newest() {
    return times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() - 1));
  }

  /** Why this run must not append to the file: its buckets are of another size, or its times in another format. */
  Optional<String> check(FinalBuckets buckets, TimeFormat timeFormat) {
    if (times.isEmpty()) {
      return Optional.empty();
    }
    TimeFormat written = newestCell.chars().allMatch(Character::isDigit) ? TimeFormat.EPOCH
        : newestCell.contains("T") ? TimeFormat.ISO : TimeFormat.LOCAL;
    if (written != timeFormat) {
      return Optional.of("its times are written as --time-format " + written.id() + ", not " + timeFormat.id());
    }
    long step = 0;
    for (int i = 1; i < times.size(); i++) {
      step = gcd(step, Duration.between(times.get(i - 1), times.get(i)).toSeconds());
    }
    Instant newest = times.get(times.size() - 1);
    if ((step != 0 && step != buckets.size().toSeconds()) || !buckets.bucketOf(newest).equals(newest)) {
      String held = step == 0 ? "another bucket size" : "buckets of " + Durations.format(Duration.ofSeconds(step));
      return Optional.of("it holds " + held + ", not the " + Durations.format(buckets.size()) + " of this run "
          + "(another granularity)");
    }
    return Optional.empty();
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static Instant parse(String cell, ZoneId zone) {
    try {
      return TimeExpressions.parse(cell, zone, Instant.EPOCH);
    } catch (RuntimeException e) {
      throw new dev.cloudmetrics.failure.InvalidInputException("--sync: a line of the CSV file starts with '" + cell
          + "', not a time; it is not a file that --sync wrote, and it was left as it was");
    }
  }

  private static List<String> lines(FileChannel data, long start, long end) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate((int) (end - start));
    while (bytes.hasRemaining() && data.read(bytes, start + bytes.position()) >= 0) {
      // read on until the range is in
    }
    String text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
    return text.lines().toList();
  }

  private static String strip(String text) {
    String cell = text.startsWith(String.valueOf(BYTE_ORDER_MARK)) ? text.substring(1) : text;
    return cell.strip();
  }
}
