package dev.cloudmetrics.cli;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT, also SIGTERM) during a long task interrupts the task's thread instead of ending
 * the process at once, and the process ends (130 for Ctrl-C) only once the task returned: its
 * output flushed, an --output file left at its last complete version, no temporary file behind.
 */
final class CtrlC {
  /** Long enough to finish a poll's output; a request in flight ends at once when interrupted. */
  private static final long GRACE_SECONDS = 10;

  /** Work that ends when its thread is interrupted. */
  @FunctionalInterface
  interface Task {
    void run() throws IOException;
  }

  private CtrlC() {}

  /** Runs {@code task} on this thread, Ctrl-C interrupting it. */
  static void interrupts(Task task) throws IOException {
    run(task, false);
  }

  /**
   * Runs a service's {@code task} on this thread, SIGTERM or Ctrl-C interrupting it, and then ends
   * the process with exit 0 once the task returned: stopping is how a service ends, and without this
   * the JVM would report the signal (143, 130) whatever the task returned.
   */
  static void stops(Task task) throws IOException {
    run(task, true);
  }

  private static void run(Task task, boolean stopIsSuccess) throws IOException {
    Thread worker = Thread.currentThread();
    CountDownLatch returned = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
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
    } finally {
      returned.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C came: the hook is running and lets the process end now that the task returned.
      }
    }
  }
}
