package dev.cloudmetrics.output;

import dev.cloudmetrics.failure.InvalidInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An {@code --output} file written whole or not at all: rows go to a hidden temporary file beside
 * the target, which replaces the target only on {@link #commit()}; closing without a commit leaves
 * the directory as it was.
 */
public final class AtomicFileOutput implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path target;
  private final Path temporary;
  private final FileChannel channel;
  private final Writer writer;
  private boolean committed;

  private AtomicFileOutput(Path target, Path temporary, FileChannel channel) {
    this.target = target;
    this.temporary = temporary;
    this.channel = channel;
    this.writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
  }

  /** Starts a temporary file beside {@code target}; refuses a target whose directory cannot take it. */
  public static AtomicFileOutput open(Path target) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    if (directory == null || Files.isDirectory(target)) {
      throw refused(target, "is a directory");
    }
    if (!Files.exists(directory)) {
      throw refused(target, "directory " + directory + " does not exist");
    }
    if (!Files.isDirectory(directory)) {
      throw refused(target, directory + " is not a directory");
    }
    if (!Files.isWritable(directory)) {
      throw refused(target, "directory " + directory + " is not writable");
    }
    // In the same directory, so the final rename stays on one file system and can be atomic.
    Path temporary = directory.resolve("." + target.getFileName() + "." + randomSuffix() + ".tmp");
    try {
      // CREATE_NEW rather than createTempFile: a new file gets the umask's permissions, not 0600.
      FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new AtomicFileOutput(target, temporary, channel);
    } catch (AccessDeniedException e) {
      throw refused(target, "directory " + directory + " is not writable");
    }
  }

  /** UTF-8, buffered; do not close it, {@link #commit()} and {@link #close()} do. */
  public Writer writer() {
    return writer;
  }

  /** Makes what was written the target's content, in one rename, keeping the target's permissions. */
  public void commit() throws IOException {
    writer.flush();
    channel.force(true);
    writer.close();
    keepPermissionsOfTarget();
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Without a commit, throws the temporary file away and leaves the target untouched. */
  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    // The channel, not the writer: flushing half a result into a file about to be deleted is pointless.
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private void keepPermissionsOfTarget() throws IOException {
    PosixFileAttributeView existing = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (existing != null && Files.exists(target)) {
      Files.getFileAttributeView(temporary, PosixFileAttributeView.class)
          .setPermissions(existing.readAttributes().permissions());
    }
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static InvalidInputException refused(Path target, String reason) {
    return new InvalidInputException("--output '" + target + "': " + reason);
  }
}
