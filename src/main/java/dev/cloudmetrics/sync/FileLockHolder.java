package dev.cloudmetrics.sync;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.ServiceFailureException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The lock of a file DEST: an OS lock on {@code DEST.lock} beside it, which the system releases
 * when its process ends however it ends, so a killed run never blocks the next one.
 */
final class FileLockHolder implements AutoCloseable {
  private static final long POLL_MILLIS = 100;

  /** The lock file and the DEST it guards, as the user named it. */
  record Target(Path lockFile, String dest) {}

  private final FileChannel channel;
  private final FileLock lock;

  private FileLockHolder(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** {@code DEST.lock}, beside DEST. */
  static Path beside(Path dest) {
    return dest.toAbsolutePath().resolveSibling(dest.getFileName() + ".lock");
  }

  /**
   * Takes the lock, waiting at most {@code wait} for another run to let go of it.
   *
   * @throws ServiceFailureException when another run still holds it
   */
  static FileLockHolder acquire(Target target, Duration wait) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(target.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("--sync '" + target.dest() + "': the directory "
          + target.lockFile().getParent() + " does not exist");
    }
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock lock = tryLock(channel);
        if (lock != null) {
          return new FileLockHolder(channel, lock);
        }
        if (System.nanoTime() >= deadline) {
          throw busy(target.dest(), wait);
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      channel.close();
      Thread.currentThread().interrupt();
      throw new ServiceFailureException("interrupted while waiting for the lock of " + target.dest(), e);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Another run holds DEST: exit 5, as for a service that is busy; cron's next run carries on. */
  static ServiceFailureException busy(String dest, Duration wait) {
    return new ServiceFailureException("--sync '" + dest + "': another cloudmetrics run is updating it; waited "
        + wait.toSeconds() + " s for it to finish; nothing was fetched or written (run again later)");
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this very process (another run in the same JVM)
    }
  }

  /** The lock file's channel: a CSV DEST keeps its committed length in it. */
  FileChannel channel() {
    return channel;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
