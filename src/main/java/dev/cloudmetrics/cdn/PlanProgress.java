package dev.cloudmetrics.cdn;

/** What a planned run reports as it goes, for a progress display; called from one thread. */
public interface PlanProgress {
  /** Before the first request is sent. */
  default void started(int requests) {}

  /** After each answered request: how many are answered, and how many rows are written so far. */
  default void advanced(int answered, long rowsWritten) {}

  /** Once at the end, whether the run succeeded or failed. */
  default void finished() {}

  static PlanProgress none() {
    return new PlanProgress() {};
  }
}
