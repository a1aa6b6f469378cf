package dev.cloudmetrics.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A file that holds secrets: written whole (a temporary file beside it, renamed over it) with
 * owner-only permissions from its first byte, and checked for being readable by others.
 */
public final class PrivateFile {
  private static final Set<PosixFilePermission> EXPOSING = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private PrivateFile() {}

  /** Replaces {@code target} (through a symbolic link, its target) with {@code text}, mode 0600, directories 0700. */
  public static void replace(Path target, String text) throws IOException {
    Path real = Files.isSymbolicLink(target) ? target.toRealPath() : target.toAbsolutePath();
    Path directory = real.getParent();
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory, posix ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0]);
    }
    // Created 0600 rather than chmod-ed after writing, so the secrets are never readable by others.
    Path temporary = posix
        ? Files.createTempFile(directory, "." + real.getFileName(), ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(directory, "." + real.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, real, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Why {@code file} is exposed ("readable by group and others (mode 0644)"), or empty when only its owner can use it. */
  public static Optional<String> exposure(Path file) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException | IOException e) {
      return Optional.empty();
    }
    if (permissions.stream().noneMatch(EXPOSING::contains)) {
      return Optional.empty();
    }
    boolean group = permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.GROUP_WRITE);
    boolean others = permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    String who = group && others ? "group and others" : group ? "its group" : "others";
    return Optional.of("accessible to " + who + " (mode " + mode(permissions) + ")");
  }

  /** The octal mode of {@code permissions}, e.g. {@code 0644}. */
  static String mode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return String.format("%04o", mode);
  }
}
