package dev.cloudmetrics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * Readies what a query needs once its command line is parsed, on a second core, while picocli
 * reflects over the commands on the first (40 ms of a 180 ms query): the JDK's security providers
 * and SHA-256 that signing hashes with, Jackson's parser, the HTTP API, the time formats, the CSV
 * format (and, for {@code --sandbox}, the locale data of the in-process server's Date header).
 * Classes are initialised and a few values computed, nothing more: no request, no file, no
 * state the query reads. A daemon thread: a run never waits for it, and whatever would fail in it
 * fails again in the query, which reports it.
 */
final class Prefetch {
  /** The command groups that send queries; the others (and help, version, dry runs) need none of this. */
  private static final Set<String> QUERIES = Set.of("rtc", "cdn");
  private static final Set<String> NO_QUERY = Set.of("--help", "-h", "--version", "-V", "--dry-run");

  private Prefetch() {}

  /** Starts readying, if {@code args} run a query. */
  static void startFor(String... args) {
    boolean query = false;
    boolean sandbox = false;
    for (String arg : args) {
      if (arg.equals("--") || NO_QUERY.contains(arg)) {
        return;
      }
      query |= QUERIES.contains(arg);
      sandbox |= arg.equals("--sandbox");
    }
    if (query) {
      boolean inProcessEmulator = sandbox;
      Thread thread = new Thread(() -> ready(inProcessEmulator), "cloudmetrics-prefetch");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private static void ready(boolean inProcessEmulator) {
    try {
      if (inProcessEmulator) {
        // The JDK's HTTP server stamps every answer with a Date header in English words: the
        // locale data that takes, 10 ms of a sandbox query, is what the server's formatter reads.
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US).withZone(ZoneOffset.UTC).format(Instant.EPOCH);
      }
      MessageDigest.getInstance("SHA-256").digest("prefetch".getBytes(StandardCharsets.UTF_8));
      try (JsonParser json = new JsonFactory().createParser("{\"a\":[1,2.5,\"b\"],\"c\":null}")) {
        while (json.nextToken() != null) {
          json.getText();
        }
      }
      HttpClient.newBuilder();
      // The client (and the sandbox's server) each open an epoll selector and a platform logger.
      Selector.open().close();
      System.getLogger("jdk.internal.httpclient.debug").isLoggable(System.Logger.Level.DEBUG);
      HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).timeout(Duration.ofSeconds(1))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1])).build();
      ApiTimeFormats.parseRfc3339(ApiTimeFormats.rfc3339Seconds(Instant.EPOCH, ApiTimeFormats.BEIJING));
      ApiTimeFormats.parseBeijing(ApiTimeFormats.beijingMinutes(Instant.EPOCH));
      CSVFormat.DEFAULT.format("prefetch", 1);
    } catch (Exception | LinkageError e) {
      // Only a head start: the query does all of this again and reports what fails.
    }
  }
}
