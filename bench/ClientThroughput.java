import dev.cloudmetrics.auth.AwsV4Signer;
import dev.cloudmetrics.cdn.OnlineUsersClient;
import dev.cloudmetrics.cdn.OnlineUsersResponseParser;
import dev.cloudmetrics.emulator.DemoCredentials;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.http.ApiRequest;
import dev.cloudmetrics.http.FormEncoding;
import dev.cloudmetrics.output.OutputFormat;
import dev.cloudmetrics.output.RenderOptions;
import dev.cloudmetrics.output.Renderers;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSchema;
import dev.cloudmetrics.output.RowSink;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client's own work per row, without sockets or the emulator, in one cold JVM as a CLI run is:
 * <ul>
 *   <li>{@code render FORMAT ROWS}: per-stream rows made in memory, rendered to stdout;</li>
 *   <li>{@code parse-render FORMAT ROWS}: one 10000-point per-stream response (asked of the emulator
 *       once), parsed and rendered again and again until ROWS rows are out.</li>
 * </ul>
 * Rows go through the same writer chain as the CLI's stdout. Prints {@code rows bytes seconds}.
 * Run by bench/run: {@code java -cp target/cloudmetrics.jar bench/ClientThroughput.java render csv 10000000}.
 */
public final class ClientThroughput {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final List<String> REGIONS = List.of("CN", "HK", "AS", "NA", "SA", "EU", "AU", "AF", "TW");
  private static final int STREAMS = 100;

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    OutputFormat format = OutputFormat.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
    long rows = Long.parseLong(args[2]);
    byte[] body = mode.equals("parse-render") ? tenThousandPoints() : new byte[0];

    CountingStream counted = new CountingStream(System.out);
    Writer out = new BufferedWriter(new OutputStreamWriter(counted, StandardCharsets.UTF_8));
    long started = System.nanoTime();
    RowSink sink = Renderers.create(new RenderOptions(format, true, ZONE), out);
    sink.begin(OnlineUsersClient.schema(true));
    long written = mode.equals("parse-render") ? parseAndRender(body, rows, sink) : synthetic(rows, sink);
    sink.end();
    out.flush();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.err.printf(java.util.Locale.ROOT, "%d %d %.3f%n", written, counted.bytes, seconds);
  }

  /** Rows shaped like a per-stream export: 1-minute buckets, each with every stream and region. */
  private static long synthetic(long rows, RowSink sink) throws IOException {
    List<List<String>> series = new ArrayList<>();
    for (int s = 0; s < STREAMS; s++) {
      for (String region : REGIONS) {
        series.add(List.of(String.format("rtmp://live.example.com/app/stream-%03d", s), region));
      }
    }
    Instant first = Instant.parse("2024-05-20T00:00:00Z");
    long written = 0;
    for (long minute = 0; written < rows; minute++) {
      Instant time = first.plus(minute, ChronoUnit.MINUTES);
      for (int i = 0; i < series.size() && written < rows; i++, written++) {
        sink.accept(new Row(time, series.get(i), BigDecimal.valueOf((minute * 7919 + i * 104729) % 50000)));
      }
    }
    return written;
  }

  private static long parseAndRender(byte[] body, long rows, RowSink sink) throws IOException {
    long written = 0;
    while (written < rows) {
      for (Row row : OnlineUsersResponseParser.parse(body, true)) {
        sink.accept(row);
        written++;
      }
    }
    return written;
  }

  /** 100 streams x 1 region x 100 one-minute buckets, as the emulator answers them. */
  private static byte[] tenThousandPoints() throws Exception {
    try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
      Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
      Instant start = end.minus(99, ChronoUnit.MINUTES);
      List<String> streams = new ArrayList<>();
      for (int s = 0; s < STREAMS; s++) {
        streams.add(String.format("rtmp://live.example.com/app/stream-%03d", s));
      }
      String form = FormEncoding.encode(List.of(
          Map.entry("StartTime", ApiTimeFormats.beijingMinutes(start)),
          Map.entry("EndTime", ApiTimeFormats.beijingMinutes(end)),
          Map.entry("StreamUrls", String.join(",", streams)), Map.entry("Regions", "CN"),
          Map.entry("ResultType", "1"), Map.entry("Granularity", "1"), Map.entry("CdnType", "live")));
      ApiRequest unsigned = new ApiRequest("POST",
          emulator.baseUri().resolve("/2016-09-01/statistics/GetLiveOnlineUserDataByStream"),
          Map.of("X-Action", "GetLiveOnlineUserDataByStream", "X-Version", "2016-09-01",
              "Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"),
          form.getBytes(StandardCharsets.UTF_8));
      ApiRequest signed = new AwsV4Signer("cn-shanghai-1", "cdn")
          .sign(unsigned, List.of("X-Action", "X-Version"), DemoCredentials.KSYUN, Instant.now());
      HttpRequest.Builder request = HttpRequest.newBuilder(signed.uri())
          .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
      signed.headers().forEach(request::header);
      HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("emulator answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
      }
      return response.body();
    }
  }

  /** Counts the bytes on their way to stdout, as the CLI writes them. */
  private static final class CountingStream extends FilterOutputStream {
    long bytes;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      bytes += len;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      bytes++;
    }
  }
}
