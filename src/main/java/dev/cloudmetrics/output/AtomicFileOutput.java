package dev.cloudmetrics.output;

import dev.cloudmetrics.failure.InvalidInputException;
import dev.cloudmetrics.failure.OutputFailedException;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Optional;

/**
 * An {@code --output} file written whole or not at all: rows go to a hidden temporary file beside
 * the target, which replaces the target only on {@link #commit()}; closing without a commit leaves
 * the directory as it was. A symbolic link is followed: the file it leads to is replaced, the link
 * stays. What is not a regular file (a device such as /dev/null, a FIFO) cannot be replaced and is
 * written to directly. A failed write names the path ({@link OutputFailedException}).
 */
public final class AtomicFileOutput implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How many links a path may pass through, as Linux's own limit (ELOOP). */
  private static final int MAX_LINKS = 40;

  private final String name;
  private final Path target;
  private final Optional<Path> temporary;
  private final FileChannel channel;
  private final Writer writer;
  private boolean committed;

  private AtomicFileOutput(String name, Path target, Optional<Path> temporary, FileChannel channel) {
    this.name = name;
    this.target = target;
    this.temporary = temporary;
    this.channel = channel;
    this.writer = new BufferedWriter(new OutputStreamWriter(new NamingFailures(Channels.newOutputStream(channel), name),
        StandardCharsets.UTF_8));
  }

  /**
   * Starts a temporary file beside the file {@code given} leads to, or opens a device or FIFO for
   * writing; refuses a target that cannot be written (exit 2: nothing was sent yet).
   */
  public static AtomicFileOutput open(Path given) throws IOException {
    String name = "--output '" + given + "'";
    Path target = followLinks(given);
    if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
      try {
        return new AtomicFileOutput(name, target, Optional.empty(), FileChannel.open(target, StandardOpenOption.WRITE));
      } catch (IOException e) {
        throw refused(given, "cannot write to it (" + reason(e) + ")");
      }
    }
    Path directory = target.toAbsolutePath().getParent();
    if (directory == null || Files.isDirectory(target)) {
      throw refused(given, "is a directory");
    }
    if (!Files.exists(directory)) {
      throw refused(given, "directory " + directory + " does not exist");
    }
    if (!Files.isDirectory(directory)) {
      throw refused(given, directory + " is not a directory");
    }
    if (!Files.isWritable(directory)) {
      throw refused(given, "directory " + directory + " is not writable");
    }
    // In the same directory, so the final rename stays on one file system and can be atomic.
    Path temporary = directory.resolve("." + target.getFileName() + "." + randomSuffix() + ".tmp");
    try {
      // CREATE_NEW rather than createTempFile: a new file gets the umask's permissions, not 0600.
      FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new AtomicFileOutput(name, target, Optional.of(temporary), channel);
    } catch (AccessDeniedException e) {
      throw refused(given, "directory " + directory + " is not writable");
    } catch (IOException e) {
      throw refused(given, "cannot create a file in " + directory + " (" + reason(e) + ")");
    }
  }

  /** Whether the output goes straight into a device or FIFO, where nothing can be undone. */
  public boolean inPlace() {
    return temporary.isEmpty();
  }

  /** The path a chain of symbolic links ends at, whether or not a file is there yet (as readlink -f). */
  private static Path followLinks(Path given) {
    Path path = given.toAbsolutePath();
    for (int links = 0; links < MAX_LINKS && Files.isSymbolicLink(path); links++) {
      try {
        path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
      } catch (IOException e) {
        return path;
      }
    }
    return path;
  }

  /** UTF-8, buffered; do not close it, {@link #commit()} and {@link #close()} do. */
  public Writer writer() {
    return writer;
  }

  /** Makes what was written the target's content, in one rename, keeping the target's permissions. */
  public void commit() throws IOException {
    writer.flush();
    if (temporary.isEmpty()) {
      committed = true;
      writer.close();
      return;
    }
    Path written = temporary.get();
    try {
      channel.force(true);
      writer.close();
      keepPermissionsOfTarget(written);
      try {
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (OutputFailedException e) {
      throw e;
    } catch (IOException e) {
      throw new OutputFailedException(name, e);
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
      if (temporary.isPresent()) {
        Files.deleteIfExists(temporary.get());
      }
    }
  }

  private void keepPermissionsOfTarget(Path written) throws IOException {
    PosixFileAttributeView existing = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    if (existing != null && Files.exists(target)) {
      Files.getFileAttributeView(written, PosixFileAttributeView.class)
          .setPermissions(existing.readAttributes().permissions());
    }
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static InvalidInputException refused(Path target, String reason) {
    return new InvalidInputException("--output '" + target + "': " + reason);
  }

  /** The file's stream, its failures (a full disk) named by the path. */
  private static final class NamingFailures extends FilterOutputStream {
    private final String name;

    NamingFailures(OutputStream out, String name) {
      super(out);
      this.name = name;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        out.write(bytes, offset, length);
      } catch (IOException e) {
        throw new OutputFailedException(name, e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }
}
