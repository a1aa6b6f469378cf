package dev.cloudmetrics.output;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The three shapes of output, with rows the golden files were written for: RTC with an app id that
 * a spreadsheet would run as a formula (and Chinese in it), CDN merged, and CDN per stream with a
 * Chinese stream name, a formula-like stream and a series that misses a bucket.
 */
enum GoldenSamples {
  RTC("rtc", new RowSchema("rtc list-realtime", List.of("app_id", "indicator"), "value"), rtcRows()),
  CDN_MERGED("cdn-merged", new RowSchema("cdn online-users", List.of(), "online_users"), cdnMergedRows()),
  CDN_PER_STREAM("cdn-per-stream",
      new RowSchema("cdn online-users", List.of("stream_url", "region"), "online_users"), cdnPerStreamRows());

  static final String FORMULA_APP = "=HYPERLINK(\"http://evil.example\",\"点击\")";
  static final String CHINESE_STREAM = "rtmp://直播.example/live/频道一";
  static final String FORMULA_STREAM = "-1+cmd|' /C calc'!A0";

  final String fileName;
  final RowSchema schema;
  final List<Row> rows;

  GoldenSamples(String fileName, RowSchema schema, List<Row> rows) {
    this.fileName = fileName;
    this.schema = schema;
    this.rows = rows;
  }

  private static List<Row> rtcRows() {
    int[] users = {1200, 1234, 1310, 1288};
    int[] rooms = {300, 305, 322, 319};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < users.length; i++) {
      Instant time = Instant.parse("2024-05-20T02:00:00Z").plusSeconds(30L * i);
      rows.add(row(time, "5f2a3b4c5d6e7f8091a2b3c4", "online_user_count", users[i]));
      rows.add(row(time, "5f2a3b4c5d6e7f8091a2b3c4", "online_room_count", rooms[i]));
      rows.add(row(time, FORMULA_APP, "online_user_count", users[i] / 4));
      if (i < users.length - 1) {
        rows.add(row(time, FORMULA_APP, "online_room_count", rooms[i] / 4));
      }
    }
    return rows;
  }

  private static List<Row> cdnMergedRows() {
    String[] values = {"3980", "4020.5", "0", "3900", "4140", "4100"};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      rows.add(new Row(Instant.parse("2024-05-20T02:00:00Z").plusSeconds(300L * i), List.of(), new BigDecimal(values[i])));
    }
    return rows;
  }

  private static List<Row> cdnPerStreamRows() {
    int[] chinese = {1234, 1300, 1450, 1399, 1500, 1480};
    int[] english = {12, 40, 35, 80, 60, 75};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < chinese.length; i++) {
      Instant time = Instant.parse("2024-05-20T02:00:00Z").plusSeconds(300L * i);
      rows.add(row(time, CHINESE_STREAM, "CN", chinese[i]));
      rows.add(row(time, "rtmp://live.example/app/s1", "HK", english[i]));
      if (i != 2) {
        rows.add(row(time, FORMULA_STREAM, "CN", 500 + 10 * i));
      }
    }
    return rows;
  }

  private static Row row(Instant time, String first, String second, long value) {
    return new Row(time, List.of(first, second), BigDecimal.valueOf(value));
  }
}
