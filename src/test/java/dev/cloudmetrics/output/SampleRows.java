package dev.cloudmetrics.output;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The fixed rows the golden files were written for: a Chinese stream name, whole and fractional values. */
final class SampleRows {
  static final RowSchema SCHEMA = new RowSchema("cdn online-users", List.of("stream_url", "region"), "online_users");
  static final String CHINESE_STREAM = "rtmp://直播.example/live/频道一";

  static final List<Row> ROWS = List.of(
      row("2024-05-20T02:00:00Z", CHINESE_STREAM, "CN", "1234.0"),
      row("2024-05-20T02:00:00Z", "rtmp://live.example/app/s1", "HK", "12.50"),
      row("2024-05-20T16:05:00Z", CHINESE_STREAM, "CN", "0.00"),
      row("2024-05-20T16:05:00Z", "rtmp://live.example/app/s1", "HK", "2.5E+3"));

  private SampleRows() {}

  static Row row(String time, String stream, String region, String value) {
    return new Row(Instant.parse(time), List.of(stream, region), new BigDecimal(value));
  }
}
