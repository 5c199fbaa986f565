package org.assist.it;

import java.io.IOException;

/**
 * A JVM that does nothing: says it is up, then waits until its input closes. {@code
 * RoundTripBenchmark} measures it on the agent's runtime, as the floor under the agent's memory.
 */
final class IdleJvm {
  static final String READY = "ready";

  private IdleJvm() {}

  public static void main(String[] args) throws IOException {
    System.out.println(READY);
    System.out.flush();
    while (System.in.read() >= 0) {
      // until the input closes
    }
  }
}
