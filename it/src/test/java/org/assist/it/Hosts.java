package org.assist.it;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about this machine, read the way the operating system tells them. */
final class Hosts {
  private Hosts() {}

  static String hostName() throws IOException, InterruptedException {
    Process hostname = new ProcessBuilder("hostname").start();
    String name =
        new String(hostname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    hostname.waitFor();
    return name;
  }

  /** Total memory in bytes, from {@code /proc/meminfo}. */
  static long totalMemory() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return new BigInteger(line.replaceAll("[^0-9]", "")).longValueExact() * 1024;
      }
    }
    throw new IOException("no MemTotal in /proc/meminfo");
  }
}
