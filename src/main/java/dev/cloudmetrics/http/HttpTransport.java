package dev.cloudmetrics.http;

import dev.cloudmetrics.Version;
import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.failure.ApiErrorException;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The one way requests reach an API: HTTP/1.1 with timeouts, retries of transient failures with
 * back-off (honouring {@code Retry-After}), an optional rate limit shared by all its sends, and
 * the request log. Only unchecked exceptions leave it.
 */
public final class HttpTransport implements AutoCloseable {
  private final TransportSettings settings;
  private final RequestLog log;
  // Built on the first send: a --dry-run or a refused query never pays for it (a selector thread).
  // Two, by scheme: only an https:// request pays for the JDK's TLS set-up.
  /**
   * The client's worker threads, as the JDK's own (a cached pool of daemon threads), but named
   * without the JDK's string concatenation, which links method handles on a query's first request
   * (2.5 ms of a 190 ms sandbox query, between the request and its answer).
   */
  private static final ThreadFactory WORKERS = new ThreadFactory() {
    private final AtomicLong made = new AtomicLong();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(null, task, new StringBuilder("cloudmetrics-http-").append(made.incrementAndGet()).toString(), 0, false);
      thread.setDaemon(true);
      return thread;
    }
  };

  private HttpClient plainClient;
  private HttpClient tlsClient;
  private final ClientsAhead ahead;
  private final Optional<ProxySelector> proxies;
  private final BackoffSchedule backoff;
  private final Optional<RequestPacing> limiter;
  private final String userAgent;

  public HttpTransport(TransportSettings settings, RequestLog log) {
    this(settings, log, ClientsAhead.none());
  }

  /** A transport that takes its client from {@code ahead} when that was built for its scheme and timeout. */
  public HttpTransport(TransportSettings settings, RequestLog log, ClientsAhead ahead) {
    this(settings, log, ahead, Optional.empty());
  }

  /**
   * A transport whose clients go through {@code proxies} when given (then none is taken from
   * {@code ahead}, which was built without them).
   */
  public HttpTransport(TransportSettings settings, RequestLog log, ClientsAhead ahead, Optional<ProxySelector> proxies) {
    this.proxies = proxies;
    this.settings = settings;
    this.log = log;
    this.ahead = ahead;
    this.backoff = new BackoffSchedule(settings.baseDelay(), settings.maxDelay());
    this.limiter = settings.requestsPerSecond() > 0
        ? Optional.of(RequestPacing.realTime(settings.requestsPerSecond()))
        : Optional.empty();
    this.userAgent = "cloudmetrics/" + Version.current();
  }

  /**
   * Sends one API action, calling {@code signedRequest} for every attempt so that each carries a
   * fresh signature, and returns the first answer the decoder finds no error in.
   *
   * @throws ApiErrorException the API answered with an error (after retries, if it was transient)
   * @throws ServiceFailureException no answer after all attempts, or interrupted
   */
  public ApiResponse send(String action, Supplier<ApiRequest> signedRequest, ErrorDecoder decoder) {
    AtomicReference<ApiRequest> lastRequest = new AtomicReference<>();
    AtomicInteger attempts = new AtomicInteger();
    RetryPolicy<Answer> policy = RetryPolicy.<Answer>builder()
        .handleIf((Answer answer, Throwable failure) -> (failure instanceof IOException && !(failure instanceof BoundedBody.TooLarge))
            || (answer != null && answer.error().filter(ApiError::isTransient).isPresent()))
        .withMaxRetries(settings.retries())
        .withDelayFn(this::delayBefore)
        .onRetryScheduled(event -> log.waiting(action, event.getDelay()))
        .build();
    try {
      Answer answer = Failsafe.with(policy).get(context -> {
        attempts.incrementAndGet();
        return attempt(action, signedRequest, decoder, context.getAttemptCount() + 1, lastRequest);
      });
      if (answer.error().isPresent()) {
        throw new ApiErrorException(answer.error().get());
      }
      return answer.response();
    } catch (FailsafeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new ServiceFailureException("interrupted", cause);
      }
      String what = cause instanceof IOException io && lastRequest.get() != null
          ? NetworkFailures.describe(io, lastRequest.get(), settings, attempts.get())
          : String.valueOf(cause);
      throw new ServiceFailureException(action + ": " + what, cause);
    }
  }

  private Answer attempt(String action, Supplier<ApiRequest> signedRequest, ErrorDecoder decoder, int number,
      AtomicReference<ApiRequest> lastRequest) throws IOException, InterruptedException {
    Optional<RequestPacing.Grant> grant = limiter.isPresent() ? Optional.of(limiter.get().acquire()) : Optional.empty();
    try {
      // Closed once the answer is in: from then on, the pacing knows this request has arrived.
      return sendOnce(action, signedRequest, decoder, number, lastRequest);
    } finally {
      grant.ifPresent(RequestPacing.Grant::close);
    }
  }

  private Answer sendOnce(String action, Supplier<ApiRequest> signedRequest, ErrorDecoder decoder, int number,
      AtomicReference<ApiRequest> lastRequest) throws IOException, InterruptedException {
    ApiRequest request = withUserAgent(signedRequest.get());
    lastRequest.set(request);
    RequestLog.Attempt attempt = new RequestLog.Attempt(action, request, number, settings.retries() + 1);
    log.sending(attempt);
    long started = System.nanoTime();
    try {
      HttpResponse<byte[]> answer = exchange(request);
      ApiResponse response = new ApiResponse(answer.statusCode(), lowerCased(answer.headers()), answer.body());
      // A decoder that misses an error status must not turn it into a success.
      Optional<ApiError> error = decoder.decode(response).or(() -> response.status() / 100 == 2
          ? Optional.empty() : Optional.of(ErrorDecoder.fromStatus(response))).map(e -> redacted(e, request));
      log.answered(attempt, response, error, Duration.ofNanos(System.nanoTime() - started));
      if (error.filter(ApiError::isTransient).isPresent() && number <= settings.retries()) {
        refuseLongWait(action, response, error.get());
      }
      return new Answer(response, error);
    } catch (IOException e) {
      log.failed(attempt, e, Duration.ofNanos(System.nanoTime() - started));
      throw e;
    }
  }

  /**
   * One exchange within the request timeout, from sending to the last byte of the body: the JDK's
   * own timeout ends when the headers arrive, so a server that then sends a byte a second would
   * hold the attempt for ever.
   */
  private HttpResponse<byte[]> exchange(ApiRequest request) throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> pending =
        client(request.uri()).sendAsync(httpRequest(request), BoundedBody.handler(BoundedBody.MOST_BYTES));
    try {
      return pending.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new HttpTimeoutException("no complete answer within " + settings.requestTimeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(cause.getMessage()), cause);
    }
  }

  /**
   * A Retry-After above what the transport waits ends the retries at once, naming the wait asked:
   * minutes of silence would look like a hang.
   */
  private static void refuseLongWait(String action, ApiResponse response, ApiError error) {
    RetryAfter.asked(response).filter(asked -> asked.compareTo(RetryAfter.LONGEST) > 0).ifPresent(asked -> {
      throw new ServiceFailureException(action + ": the service asks to wait "
          + response.header("Retry-After").orElse("").strip() + " s before trying again (Retry-After), longer than the "
          + RetryAfter.LONGEST.toSeconds() + " s this tool waits; " + error.describe());
    });
  }

  /** Tells the request log (printed with --verbose) something about an answer. */
  public void note(String text) {
    log.note(text);
  }

  /**
   * Stops the client's selector thread where the JDK can (21 and later). A thread left waiting in
   * native code holds the JVM's exit up for 300 ms, a long time for a command that took 200.
   */
  @Override
  public void close() {
    List<HttpClient> built = new ArrayList<>();
    synchronized (this) {
      Optional.ofNullable(plainClient).ifPresent(built::add);
      Optional.ofNullable(tlsClient).ifPresent(built::add);
    }
    built.forEach(HttpTransport::close);
  }

  /** Closes {@code client} where the JDK can (21 and later); null is ignored. */
  static void close(HttpClient client) {
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Nothing is in flight when the command is done; a failure to close changes nothing for the user.
      }
    }
    // The worker pool is ours (WORKERS), so the JDK does not end it: its idle threads would linger a minute.
    client.executor().ifPresent(executor -> {
      if (executor instanceof ExecutorService workers) {
        workers.shutdown();
      }
    });
  }


  /** Whether an http:// request has built the plain client, and an https:// one the TLS client. */
  synchronized boolean built(boolean tls) {
    return (tls ? tlsClient : plainClient) != null;
  }

  private synchronized HttpClient client(URI uri) {
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      if (tlsClient == null) {
        tlsClient = fromAhead(true).orElseGet(() -> newClient(true, settings.connectTimeout(), proxies));
      }
      return tlsClient;
    }
    if (plainClient == null) {
      plainClient = fromAhead(false).orElseGet(() -> newClient(false, settings.connectTimeout(), proxies));
    }
    return plainClient;
  }

  private Optional<HttpClient> fromAhead(boolean tls) {
    return proxies.isPresent() ? Optional.empty() : ahead.take(tls, settings.connectTimeout());
  }

  /** The client every transport uses: HTTP/1.1, no redirects; for http:// only, no TLS set-up at all. */
  static HttpClient newClient(boolean tls, Duration connectTimeout) {
    return newClient(tls, connectTimeout, Optional.empty());
  }

  /** The same client, going through {@code proxies} when given. */
  static HttpClient newClient(boolean tls, Duration connectTimeout, Optional<ProxySelector> proxies) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(Executors.newCachedThreadPool(WORKERS));
    proxies.ifPresent(builder::proxy);
    return (tls ? builder : PlainHttpOnly.configure(builder)).build();
  }

  private Duration delayBefore(ExecutionContext<Answer> context) {
    Answer last = context.getLastResult();
    Optional<Duration> asked = last == null ? Optional.empty() : RetryAfter.of(last.response());
    return asked.orElseGet(() -> backoff.delay(context.getAttemptCount(), ThreadLocalRandom.current().nextDouble()));
  }

  /** The server's error with whatever it repeated of the request's secrets masked. */
  private static ApiError redacted(ApiError error, ApiRequest sent) {
    return new ApiError(error.httpStatus(), Redaction.text(error.code(), sent), Redaction.text(error.message(), sent),
        error.requestId().map(id -> Redaction.text(id, sent)));
  }

  private ApiRequest withUserAgent(ApiRequest request) {
    boolean present = request.headers().keySet().stream().anyMatch("User-Agent"::equalsIgnoreCase);
    return present ? request : request.withHeaders(Map.of("User-Agent", userAgent));
  }

  private HttpRequest httpRequest(ApiRequest request) {
    byte[] body = request.body();
    HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
        .timeout(settings.requestTimeout())
        .method(request.method(), body.length == 0
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    request.headers().forEach(builder::header);
    return builder.build();
  }

  private static Map<String, List<String>> lowerCased(HttpHeaders headers) {
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.map().forEach((name, values) ->
        lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
    lower.replaceAll((name, values) -> List.copyOf(values));
    return Map.copyOf(lower);
  }

  /** What one attempt got back: the response and the error the decoder found in it, if any. */
  private record Answer(ApiResponse response, Optional<ApiError> error) {}
}
