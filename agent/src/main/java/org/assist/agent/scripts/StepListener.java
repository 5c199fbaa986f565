package org.assist.agent.scripts;

/** Hears a run as it goes, to report it to the server. */
public interface StepListener {
  void started(int step);

  /** A restart step begins: the computer goes down next (said at once, nothing is kept back). */
  default void restarting(int step) {
    started(step);
  }

  /** A chunk of output; {@code seq} counts chunks of this step from 0. */
  void output(int step, int seq, boolean stderr, String text);

  /**
   * The script ended.
   *
   * @param exitCode null when it never ran or was killed
   * @param error why it failed outside the script itself, or null
   */
  void finished(
      int step, Integer exitCode, long millis, boolean timedOut, boolean truncated, String error);
}
