package dev.cloudmetrics.cli;

import dev.cloudmetrics.failure.RunInterruptedException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run interrupts the run's thread instead of ending the
 * process at once, and the process ends only once the run returned: its output ended on whole
 * rows, an --output file left as it was, no temporary file behind, and one line on stderr saying
 * what was written. The JVM then exits with 128 + the signal: 130 for SIGINT, 143 for SIGTERM.
 */
final class CtrlC {
  /** Long enough to end a run's output; a request in flight ends at once when interrupted. */
  private static final long GRACE_SECONDS = 10;

  /** Work that ends when its thread is interrupted. */
  @FunctionalInterface
  interface Task {
    void run() throws IOException;
  }

  private CtrlC() {}

  /**
   * Runs {@code task} on this thread, a signal interrupting it. Returns {@link ExitCode#OK} when the
   * task ended by itself, or {@link ExitCode#INTERRUPTED} after saying on {@code err} that a signal
   * ended it (here, while the JVM's shutdown still waits for it); a failure without a signal is thrown.
   */
  static int interrupts(Task task, PrintStream err) throws IOException {
    return run(task, err, false);
  }

  /**
   * Runs a service's {@code task} on this thread, SIGTERM or Ctrl-C interrupting it, and then ends
   * the process with exit 0 once the task returned: stopping is how a service ends, and without this
   * the JVM would report the signal (143, 130) whatever the task returned.
   */
  static void stops(Task task, PrintStream err) throws IOException {
    run(task, err, true);
  }

  private static int run(Task task, PrintStream err, boolean stopIsSuccess) throws IOException {
    Thread worker = Thread.currentThread();
    CountDownLatch returned = new CountDownLatch(1);
    boolean[] signalled = {false};
    Thread hook = new Thread(() -> {
      synchronized (signalled) {
        signalled[0] = true;
      }
      worker.interrupt();
      try {
        if (returned.await(GRACE_SECONDS, TimeUnit.SECONDS) && stopIsSuccess) {
          System.out.flush();
          System.err.flush();
          Runtime.getRuntime().halt(ExitCode.OK);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "cloudmetrics-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      task.run();
      return wasSignalled(signalled) && !stopIsSuccess ? interrupted(new InterruptedException(), err) : ExitCode.OK;
    } catch (IOException | RuntimeException e) {
      if (wasSignalled(signalled)) {
        return stopIsSuccess ? ExitCode.OK : interrupted(e, err);
      }
      throw e;
    } finally {
      returned.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // A signal came: the hook is running and lets the process end now that the task returned.
      }
    }
  }

  private static boolean wasSignalled(boolean[] signalled) {
    synchronized (signalled) {
      return signalled[0];
    }
  }

  /** Whatever the interrupted task threw on its way out, the line says it was interrupted, with its advice if it has one. */
  private static int interrupted(Exception failure, PrintStream err) {
    return FailureReporter.report(failure instanceof RunInterruptedException ? failure : new InterruptedException(),
        err, false);
  }
}
