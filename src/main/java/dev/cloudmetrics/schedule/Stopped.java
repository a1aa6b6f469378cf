package dev.cloudmetrics.schedule;

/** Why a {@link BucketLoop} returned: the only two ways it ends without a failure. */
public enum Stopped {
  /** Ctrl-C or SIGTERM interrupted its thread. */
  INTERRUPTED,
  /** The printer said nobody reads any more (stdout closed). */
  NOBODY_READING
}
