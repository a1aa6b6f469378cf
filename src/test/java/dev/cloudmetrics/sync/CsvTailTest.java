package dev.cloudmetrics.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.output.TimeFormat;
import dev.cloudmetrics.time.FinalBuckets;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CSV DEST's own lines say: LF or CRLF, with or without a byte-order mark, however long. */
class CsvTailTest {
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final FinalBuckets FIVE = FinalBuckets.cdn(Duration.ofMinutes(5));

  @TempDir Path directory;

  CsvTail read(String text) throws Exception {
    Path file = directory.resolve("dest.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return CsvTail.read(channel, CsvTail.lastLineEnd(channel, channel.size()), BEIJING);
    }
  }

  /** A header and {@code buckets} five-minute buckets of 300 streams each: 70 bytes a line, 21 kB a bucket. */
  static String file(String lineEnd, boolean bom, int buckets) {
    StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "").append("time,stream_url,region,online_users")
        .append(lineEnd);
    for (int b = 0; b < buckets; b++) {
      String time = String.format("2024-05-20T%02d:%02d:00+08:00", 10 + b * 5 / 60, b * 5 % 60);
      for (int s = 0; s < 300; s++) {
        text.append(time).append(",rtmp://demo.example/live/channel-").append(s).append(",CN,").append(s).append(lineEnd);
      }
    }
    return text.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n"})
  void theNewestBucketAndTheHeaderAreFoundWhateverTheLineEndAndTheFilesLength(String lineEnd) throws Exception {
    CsvTail tail = read(file(lineEnd, true, 24) + "2024-05-20T12:00:00+08:00,rtmp://demo.exa");

    assertEquals("time,stream_url,region,online_users", tail.header());
    assertEquals(Optional.of(Instant.parse("2024-05-20T03:55:00Z")), tail.newest());
    assertEquals(Optional.empty(), tail.check(FIVE, TimeFormat.ISO));
  }

  @Test
  void anotherGranularityOrTimeFormatIsNamed() throws Exception {
    CsvTail tail = read(file("\n", false, 6));

    assertEquals(Optional.of("it holds buckets of 5m, not the 1m of this run (another granularity)"),
        tail.check(FinalBuckets.cdn(Duration.ofMinutes(1)), TimeFormat.ISO));
    assertTrue(tail.check(FIVE, TimeFormat.EPOCH).orElseThrow().contains("--time-format iso, not epoch"));
  }

  @Test
  void aHeaderAloneHoldsNoBucket() throws Exception {
    CsvTail tail = read("time,online_users\r\n");

    assertEquals("time,online_users", tail.header());
    assertEquals(List.of(), tail.times());
  }
}
