package org.assist.agent.install;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assist.agent.OwnerOnly;

/**
 * {@code assist-agent install} and {@code uninstall}: registers the agent to start at boot as the
 * system's account ({@link BootService}), with a state folder that account only can read, and moves
 * the session joined from here into it, so the installed agent rejoins it after every restart;
 * {@code uninstall} removes all of it. With a folder standing for the system's root (a package
 * being built, a test) it writes the files there and registers nothing.
 */
public final class Installer {
  private final BootService service;
  private final boolean live;
  private final PrintStream out;

  /**
   * @param live whether the root is the running system's: then the service is registered too
   */
  public Installer(BootService service, boolean live, PrintStream out) {
    this.service = service;
    this.live = live;
    this.out = out;
  }

  /** Installs; returns null, or why it could not. */
  public String install(Path joinedFrom) throws IOException, InterruptedException {
    OwnerOnly.folder(service.stateDir());
    if (joinedFrom != null && Files.isRegularFile(joinedFrom.resolve("agent.json"))) {
      try (Stream<Path> files = Files.list(joinedFrom)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          Path copy = service.stateDir().resolve(file.getFileName());
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
          OwnerOnly.file(copy);
        }
      }
      out.println("The session joined from " + joinedFrom + " moves to " + service.stateDir());
    }
    for (Map.Entry<Path, String> file : service.files().entrySet()) {
      Files.createDirectories(file.getKey().getParent());
      Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        // the system's own configuration: readable by all, as its other units
        Files.setPosixFilePermissions(file.getKey(), PosixFilePermissions.fromString("rw-r--r--"));
      }
      out.println("Wrote " + file.getKey());
    }
    for (List<String> command : service.register()) {
      String failed = run(command);
      if (failed != null) {
        return failed;
      }
    }
    out.println(
        "Installed: the "
            + service.name()
            + " starts the agent at boot as the system's account; its state is in "
            + service.stateDir());
    return null;
  }

  /** Uninstalls: stops it, unregisters it, removes its files and state; what it could. */
  public void uninstall() throws IOException, InterruptedException {
    for (List<String> command : service.unregister()) {
      String failed = run(command);
      if (failed != null) {
        out.println(failed);
      }
    }
    for (Path file : service.files().keySet()) {
      if (Files.deleteIfExists(file)) {
        out.println("Removed " + file);
      }
    }
    if (Files.isDirectory(service.stateDir())) {
      OwnerOnly.delete(service.stateDir());
      out.println("Removed " + service.stateDir());
    }
    out.println("Uninstalled: the agent no longer starts at boot.");
  }

  /** Runs a system command (live), or says what it would run; null, or why it failed. */
  private String run(List<String> command) throws IOException, InterruptedException {
    if (!live) {
      out.println("(on the system itself: " + String.join(" ", command) + ")");
      return null;
    }
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return String.join(" ", command) + " could not start: " + e.getMessage();
    }
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return String.join(" ", command) + " did not finish in 60 s";
    }
    return process.exitValue() == 0
        ? null
        : String.join(" ", command) + " failed (" + process.exitValue() + "): " + said.strip();
  }

  /** Whether this process runs as the system's administrator (root; on Windows, elevated). */
  public static boolean administrator() throws InterruptedException {
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    try {
      Process process =
          new ProcessBuilder(windows ? List.of("net", "session") : List.of("id", "-u"))
              .redirectErrorStream(true)
              .start();
      String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return process.waitFor() == 0 && (windows || said.strip().equals("0"));
    } catch (IOException e) {
      return false;
    }
  }

  /** The running system's root folder. */
  public static Path systemRoot() {
    return System.getProperty("os.name", "").startsWith("Windows")
        ? Path.of(System.getenv().getOrDefault("SystemDrive", "C:") + "\\")
        : Path.of("/");
  }

  /**
   * The agent's command, absolute: the launcher of a packaged agent (with its own runtime), else
   * the launcher beside the agent's jar.
   */
  public static List<String> launcher() {
    String packaged = System.getProperty("jpackage.app-path");
    if (packaged != null) {
      return List.of(Path.of(packaged).toAbsolutePath().toString());
    }
    Path folder;
    try {
      folder =
          Path.of(Installer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath()
              .getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return System.getProperty("os.name", "").startsWith("Windows")
        ? List.of(folder.resolve("assist-agent.cmd").toString())
        : List.of("/bin/sh", folder.resolve("assist-agent.sh").toString());
  }
}
