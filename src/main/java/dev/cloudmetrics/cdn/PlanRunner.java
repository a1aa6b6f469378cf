package dev.cloudmetrics.cdn;

import dev.cloudmetrics.failure.ApiError;
import dev.cloudmetrics.failure.ApiErrorException;
import dev.cloudmetrics.failure.RunInterruptedException;
import dev.cloudmetrics.failure.ServiceFailureException;
import dev.cloudmetrics.output.Row;
import dev.cloudmetrics.output.RowSink;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sends a plan's requests, up to {@code concurrency} at a time, and writes their rows in the order
 * of one request as buckets become complete. The first request that fails (after the transport's
 * retries) stops the run; its message says which request it was and where a new run would resume.
 */
final class PlanRunner {
  private final Function<PlannedRequest, List<Row>> fetch;
  private final int concurrency;
  private final PlanProgress progress;
  private final ResumeAdvice advice;

  PlanRunner(Function<PlannedRequest, List<Row>> fetch, int concurrency, PlanProgress progress, ResumeAdvice advice) {
    this.fetch = fetch;
    this.concurrency = concurrency;
    this.progress = progress;
    this.advice = advice;
  }

  void run(RequestPlan plan, RowSink sink) throws IOException {
    RowStitcher stitcher = new RowStitcher(plan, sink);
    // Requests sent but not yet written hold memory; this many keep every thread busy. It must
    // exceed the batch count: the request the oldest incomplete bucket waits for is then never
    // kept from being sent by requests of later buckets.
    int outstanding = plan.batches() + concurrency;
    ExecutorService threads = Executors.newFixedThreadPool(Math.min(concurrency, plan.size()), new Workers());
    CompletionService<Outcome> answers = new ExecutorCompletionService<>(threads);
    progress.started(plan.size());
    int sent = 0;
    int answered = 0;
    try {
      while (answered < plan.size()) {
        while (sent < plan.size() && sent - answered + stitcher.held() < outstanding) {
          PlannedRequest request = plan.requests().get(sent++);
          answers.submit(() -> attempt(request));
        }
        Outcome outcome = answers.take().get();
        if (outcome.failure().isPresent()) {
          throw stopped(plan, outcome.request(), outcome.failure().get(), stitcher.writtenThrough());
        }
        answered++;
        stitcher.accept(outcome.request(), outcome.rows());
        progress.advanced(answered, stitcher.rowsWritten());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunInterruptedException("interrupted; " + advice.after(plan, stitcher.writtenThrough()), e);
    } catch (IOException e) {
      // An --output file's channel closes when its writer is interrupted: that is Ctrl-C, not a failed disk.
      if (Thread.currentThread().isInterrupted()) {
        throw new RunInterruptedException("interrupted; " + advice.after(plan, stitcher.writtenThrough()), e);
      }
      throw e;
    } catch (ExecutionException e) {
      // attempt() turns every RuntimeException into an outcome: only an Error gets here.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      threads.shutdownNow();
      progress.finished();
    }
  }

  private Outcome attempt(PlannedRequest request) {
    try {
      return new Outcome(request, fetch.apply(request), Optional.empty());
    } catch (RuntimeException e) {
      return new Outcome(request, List.of(), Optional.of(e));
    }
  }

  /** The failure, with which request it was and how to carry on; a run of one request needs neither. */
  private RuntimeException stopped(RequestPlan plan, PlannedRequest request, RuntimeException failure,
      Optional<Instant> writtenThrough) {
    if (plan.size() == 1) {
      return failure;
    }
    String context = "request " + (request.index() + 1) + " of " + plan.size() + " ("
        + advice.show(request.window().start()) + " to " + advice.show(request.window().end()) + streams(plan, request)
        + ") failed; " + advice.after(plan, writtenThrough);
    if (failure instanceof ApiErrorException api) {
      ApiError error = api.error();
      String message = error.message() + error.requestId().map(id -> " (request id " + id + ")").orElse("");
      return new ApiErrorException(new ApiError(error.httpStatus(), error.code(), message + "; " + context,
          Optional.empty()));
    }
    if (failure instanceof ServiceFailureException) {
      return new ServiceFailureException(failure.getMessage() + "; " + context, failure);
    }
    return failure;
  }

  private static String streams(RequestPlan plan, PlannedRequest request) {
    if (plan.batches() == 1) {
      return "";
    }
    return ", streams " + (request.firstStream() + 1) + "-" + (request.firstStream() + request.streams().size())
        + " of " + plan.query().streamUrls().size();
  }

  /** One request's rows, or why there are none. */
  private record Outcome(PlannedRequest request, List<Row> rows, Optional<RuntimeException> failure) {}

  /** Daemon threads, so that a failed run never waits for requests still in flight. */
  private static final class Workers implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "cloudmetrics-cdn-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
