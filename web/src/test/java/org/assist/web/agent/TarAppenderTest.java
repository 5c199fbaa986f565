package org.assist.web.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal's copy of the agent's .tar.gz: every entry as it was, the prepared file added. */
class TarAppenderTest {
  @TempDir Path folder;

  @Test
  void entriesKeepTheirModesAndLinksAndTheAddedFilesAreThere() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/tar")) || Files.isExecutable(Path.of("/usr/bin/tar")));
    Path app = folder.resolve("in/assist-agent");
    Path deep =
        Files.createDirectories(
            app.resolve("lib/runtime/" + "a-rather-long-folder-name/".repeat(5)));
    Files.writeString(deep.resolve("file.txt"), "x".repeat(1000));
    Path launcher = Files.createDirectories(app.resolve("bin")).resolve("assist-agent");
    Files.writeString(launcher, "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(app.resolve("bin/link"), Path.of("assist-agent"));
    Path archive = folder.resolve("agent.tar.gz");
    run("tar", "-czf", archive.toString(), "-C", folder.resolve("in").toString(), "assist-agent");

    byte[] copy;
    try (InputStream in = Files.newInputStream(archive)) {
      copy =
          copyAdding(
              in, Map.of("assist-agent/lib/app/assist-agent.properties", "number=123456789\né\n"));
    }
    Path out = Files.createDirectories(folder.resolve("out"));
    Path written = Files.write(folder.resolve("copy.tar.gz"), copy);
    run("tar", "-xzf", written.toString(), "-C", out.toString());
    Path unpacked = out.resolve("assist-agent");
    assertEquals(
        "rwxr-xr-x",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(unpacked.resolve("bin/assist-agent"))));
    assertTrue(Files.isSymbolicLink(unpacked.resolve("bin/link")));
    assertEquals(
        "x".repeat(1000),
        Files.readString(
            unpacked.resolve(
                "lib/runtime/" + "a-rather-long-folder-name/".repeat(5) + "file.txt")));
    assertEquals(
        "number=123456789\né\n",
        Files.readString(unpacked.resolve("lib/app/assist-agent.properties")));
  }

  @Test
  void aCutArchiveIsAnError() throws Exception {
    byte[] whole = copyAdding(new ByteArrayInputStream(gzip(new byte[0])), Map.of("a", "b"));
    assertTrue(whole.length > 0);
    byte[] header = TarAppender.header("a.txt", 2000);
    assertEquals(2000, TarAppender.size(header));
    assertThrows(
        IOException.class, () -> copyAdding(new ByteArrayInputStream(gzip(header)), Map.of()));
  }

  /** The copy in memory. */
  private static byte[] copyAdding(InputStream archive, Map<String, String> added)
      throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    TarAppender.copyAdding(archive, added, out);
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), said);
  }
}
