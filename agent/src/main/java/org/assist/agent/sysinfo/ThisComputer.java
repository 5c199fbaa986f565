package org.assist.agent.sysinfo;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The computer's name and operating system as the agent introduces itself, read from the system
 * itself: without the system information library, which an agent loads only once a technician asks
 * for system information (with JNA, on Linux some 3 MiB of an idle agent).
 */
public final class ThisComputer {
  private static final Path LINUX_HOST_NAME = Path.of("/proc/sys/kernel/hostname");
  private static final List<Path> OS_RELEASE =
      List.of(Path.of("/etc/os-release"), Path.of("/usr/lib/os-release"));

  private ThisComputer() {}

  /** The computer's name as its own system gives it (no name lookup on the network). */
  public static String name() {
    return firstLine(LINUX_HOST_NAME)
        .or(() -> nonBlank(System.getenv("COMPUTERNAME")))
        .or(ThisComputer::hostnameCommand)
        .or(ThisComputer::localHost)
        .orElse("");
  }

  /** The operating system, one line: Linux's own name for itself where it has one. */
  public static String osLine() {
    for (Path release : OS_RELEASE) {
      Optional<String> pretty = prettyName(release);
      if (pretty.isPresent()) {
        return pretty.get();
      }
    }
    return (System.getProperty("os.name", "") + " " + System.getProperty("os.version", "")).strip();
  }

  /**
   * {@code PRETTY_NAME} of an os-release file
   * (https://www.freedesktop.org/software/systemd/man/os-release.html).
   */
  static Optional<String> prettyName(Path release) {
    try {
      for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
        if (line.startsWith("PRETTY_NAME=")) {
          String value = line.substring("PRETTY_NAME=".length()).strip();
          if (value.length() >= 2
              && (value.startsWith("\"") || value.startsWith("'"))
              && value.endsWith(value.substring(0, 1))) {
            value = value.substring(1, value.length() - 1);
          }
          return nonBlank(value);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no such file, or not readable: the next source
    }
    return Optional.empty();
  }

  private static Optional<String> firstLine(Path file) {
    try {
      return nonBlank(
          Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse(""));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code hostname}, which Windows, macOS and the other Unixes have. */
  private static Optional<String> hostnameCommand() {
    try {
      Process process = new ProcessBuilder("hostname").redirectErrorStream(true).start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0) {
        return nonBlank(out.lines().findFirst().orElse(""));
      }
      process.destroyForcibly();
    } catch (IOException | RuntimeException e) {
      // no such command: the next source
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  private static Optional<String> localHost() {
    try {
      return nonBlank(InetAddress.getLocalHost().getHostName());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
