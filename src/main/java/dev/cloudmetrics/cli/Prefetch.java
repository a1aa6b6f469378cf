package dev.cloudmetrics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import dev.cloudmetrics.http.ClientsAhead;
import dev.cloudmetrics.http.TransportSettings;
import dev.cloudmetrics.time.ApiTimeFormats;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.csv.CSVFormat;

/**
 * Readies what a query needs once its command line is parsed, on a second core, while picocli
 * reflects over the commands on the first (40 ms of a 170 ms query): with {@code --sandbox} the
 * in-process emulator itself, the HTTP client (for https://, with the JDK's TLS set-up), then the
 * security provider and SHA-256 that signing hashes with, Jackson's parser, the time formats, the
 * CSV format. Apart from the emulator and the client (handed to the run by {@link #sandbox()} and
 * {@link #clients()}, closed here if the run never takes them) it only initialises classes: no
 * request, no file, no state the query reads. Whatever fails here fails again in the query, which
 * reports it.
 */
final class Prefetch implements AutoCloseable {
  /** The command groups that send queries; the others (and help, version, dry runs) need none of this. */
  private static final Set<String> QUERIES = Set.of("rtc", "cdn");
  private static final Set<String> NO_QUERY = Set.of("--help", "-h", "--version", "-V", "--dry-run");

  /** The emulator started ahead, or null (none asked for, or its start failed). */
  private final CompletableFuture<Emulator> early = new CompletableFuture<>();
  private final AtomicBoolean handedOut = new AtomicBoolean();
  private final ClientsAhead clients;

  private Prefetch(ClientsAhead clients) {
    this.clients = clients;
  }

  /** Starts readying, if {@code args} run a query. */
  static Prefetch startFor(String... args) {
    boolean query = false;
    boolean sandbox = false;
    boolean plainEndpoint = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--") || NO_QUERY.contains(arg)) {
        query = false;
        break;
      }
      query |= QUERIES.contains(arg);
      sandbox |= arg.equals("--sandbox");
      String endpoint = arg.startsWith("--endpoint=") ? arg.substring(11) : arg.equals("--endpoint") && i + 1 < args.length ? args[i + 1] : "";
      plainEndpoint |= endpoint.regionMatches(true, 0, "http://", 0, 7);
    }
    if (!query) {
      Prefetch none = new Prefetch(ClientsAhead.none());
      none.early.complete(null);
      return none;
    }
    // The services are https://; the emulator and an --endpoint given as http:// are not. A guess
    // the run proves wrong (an endpoint from the profile) only leaves the client unused.
    Prefetch prefetch = new Prefetch(ClientsAhead.of(!sandbox && !plainEndpoint, TransportSettings.defaults().connectTimeout()));
    boolean startEmulator = sandbox;
    Thread thread = new Thread(new Runnable() { // not a lambda: see Sleeper.real
      @Override
      public void run() {
        prefetch.ready(startEmulator);
      }
    }, "cloudmetrics-prefetch");
    thread.setDaemon(true);
    thread.start();
    return prefetch;
  }

  /** The {@code --sandbox} emulator: the one started ahead, else a new one. */
  Emulator sandbox() {
    Emulator started = handedOut.compareAndSet(false, true) ? early.join() : null;
    return started != null ? started : Emulator.start(EmulatorOptions.defaults());
  }

  /** The HTTP client built ahead for the run's transport. */
  ClientsAhead clients() {
    return clients;
  }

  /** Stops an emulator started ahead that the run did not use (it failed before it got to it). */
  @Override
  public void close() {
    clients.close();
    if (handedOut.compareAndSet(false, true)) {
      Emulator unused = early.join();
      if (unused != null) {
        unused.close();
      }
    }
  }

  private void ready(boolean startEmulator) {
    try {
      early.complete(startEmulator ? Emulator.start(EmulatorOptions.defaults()) : null);
    } catch (RuntimeException | Error e) {
      early.complete(null); // started again by the run, which reports why it fails
    }
    clients.build(); // completes in all cases, so that no one waits for it in vain
    try {
      // The output's default zone: the time-zone database and the system's zone, 5 ms.
      ZoneId.systemDefault();
      if (startEmulator) {
        // The JDK's HTTP server stamps every answer with a Date header in English words and GMT's
        // name: the locale data that takes, 13 ms of a sandbox query, is what its formatter reads.
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US).withZone(ZoneId.of("GMT")).format(Instant.EPOCH);
      }
      MessageDigest.getInstance("SHA-256").digest("prefetch".getBytes(StandardCharsets.UTF_8));
      try (JsonParser json = new JsonFactory().createParser("{\"a\":[1,2.5,\"b\"],\"c\":null}")) {
        while (json.nextToken() != null) {
          json.getText();
        }
      }
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
