package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.failure.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileOutputTest {
  @TempDir
  Path directory;

  @Test
  void commitReplacesTheContentAndLeavesNoTemporaryFile() throws IOException {
    Path target = directory.resolve("viewers.csv");
    Files.writeString(target, "yesterday's data\n");

    try (AtomicFileOutput file = AtomicFileOutput.open(target)) {
      file.writer().write("time,online_users\r\n直播,5\r\n");
      file.commit();
    }

    assertEquals("time,online_users\r\n直播,5\r\n", Files.readString(target, StandardCharsets.UTF_8));
    assertEquals(List.of(target), filesIn(directory));
  }

  @Test
  void commitCreatesATargetThatDidNotExist() throws IOException {
    Path target = directory.resolve("new.csv");

    try (AtomicFileOutput file = AtomicFileOutput.open(target)) {
      file.writer().write("rows");
      file.commit();
    }

    assertEquals("rows", Files.readString(target));
  }

  @Test
  void nothingIsVisibleUnderTheTargetNameBeforeTheCommit() throws IOException {
    Path target = directory.resolve("viewers.csv");
    Files.writeString(target, "old");

    try (AtomicFileOutput file = AtomicFileOutput.open(target)) {
      file.writer().write("new");
      file.writer().flush();

      assertEquals("old", Files.readString(target));
      List<Path> temporary = filesIn(directory).stream().filter(path -> !path.equals(target)).toList();
      assertEquals(1, temporary.size());
      String name = temporary.get(0).getFileName().toString();
      assertTrue(name.startsWith(".viewers.csv.") && name.endsWith(".tmp"), name);
      file.commit();
    }
  }

  @Test
  void closingWithoutCommitLeavesAnExistingFileByteIdenticalAndNoTemporaryFile() throws IOException {
    Path target = directory.resolve("viewers.csv");
    byte[] before = "time,online_users\r\n2024-05-20T10:00:00+08:00,7\r\n".getBytes(StandardCharsets.UTF_8);
    Files.write(target, before);

    assertThrows(UncheckedIOException.class, () -> {
      try (AtomicFileOutput file = AtomicFileOutput.open(target)) {
        file.writer().write("time,online_users\r\nhalf a res");
        throw new UncheckedIOException(new IOException("the API failed mid-run"));
      }
    });

    assertArrayEquals(before, Files.readAllBytes(target));
    assertEquals(List.of(target), filesIn(directory));
  }

  @Test
  void closingWithoutCommitCreatesNothingWhenThereWasNoTarget() throws IOException {
    Path target = directory.resolve("viewers.csv");

    try (AtomicFileOutput file = AtomicFileOutput.open(target)) {
      file.writer().write("partial");
    }

    assertEquals(List.of(), filesIn(directory));
  }

  @Test
  void commitKeepsTheExistingTargetsPermissions() throws IOException {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path target = directory.resolve("viewers.csv");
    Files.writeString(target, "old");
    Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
    Files.setPosixFilePermissions(target, shared);

    try (AtomicFileOutput file = AtomicFileOutput.open(target)) {
      file.writer().write("new");
      file.commit();
    }

    assertEquals(shared, Files.getPosixFilePermissions(target));
  }

  @Test
  void missingDirectoryIsInvalidInputNamingTheFlagAndThePath() {
    Path target = directory.resolve("no-such-dir").resolve("viewers.csv");

    InvalidInputException e = assertThrows(InvalidInputException.class, () -> AtomicFileOutput.open(target));

    assertTrue(e.getMessage().startsWith("--output '" + target + "': "), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void directoryAsTargetIsInvalidInput() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> AtomicFileOutput.open(directory));

    assertEquals("--output '" + directory + "': is a directory", e.getMessage());
  }

  @Test
  void fileInPlaceOfTheDirectoryIsInvalidInput() throws IOException {
    Path notADirectory = Files.writeString(directory.resolve("report"), "x");

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> AtomicFileOutput.open(notADirectory.resolve("viewers.csv")));

    assertTrue(e.getMessage().startsWith("--output '"), e.getMessage());
    assertTrue(e.getMessage().endsWith("is not a directory"), e.getMessage());
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
