package org.assist.agent;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The agent's one way to keep what it writes to its own account: state folders, the session's
 * secrets, scripts' folders. POSIX permissions where the system has them, else the owner-only read
 * and write flags.
 */
public final class OwnerOnly {
  private OwnerOnly() {}

  /** The folder, created if needed, open to its owner only ({@code rwx------}). */
  public static Path folder(Path folder) throws IOException {
    Files.createDirectories(folder);
    apply(folder, "rwx------");
    return folder;
  }

  /** The file readable and writable by its owner only ({@code rw-------}). */
  public static Path file(Path file) throws IOException {
    apply(file, "rw-------");
    return file;
  }

  /** Removes the folder and everything in it; nothing when it is not there. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static void apply(Path path, String permissions) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } else {
      var file = path.toFile();
      file.setReadable(false, false);
      file.setReadable(true, true);
      file.setWritable(false, false);
      file.setWritable(true, true);
    }
  }
}
