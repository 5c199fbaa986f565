package org.assist.application.run;

import java.util.List;
import org.assist.application.InvalidInputException;

/**
 * A run to launch: the same ordered scripts on one or more sessions.
 *
 * @param scripts in the order they run
 */
public record RunRequest(List<Long> sessions, List<Item> scripts, boolean stopOnFailure) {
  /** The script id that stands for a restart of the computer between two scripts. */
  public static final long RESTART = 0;

  /**
   * One script of the run.
   *
   * @param timeoutSeconds null for the default
   */
  public record Item(long scriptId, Integer timeoutSeconds) {
    /** How long it may run: as asked, else {@code fallback}. */
    public int timeout(int fallback) {
      return timeoutSeconds == null ? fallback : timeoutSeconds;
    }

    /** A restart of the computer rather than a script. */
    public boolean isRestart() {
      return scriptId == RESTART;
    }
  }

  /**
   * Throws InvalidInputException when the request cannot make a run.
   *
   * @param defaultTimeout how long a script whose item does not say may run
   * @param maxTimeout how long a script may run at most
   */
  public void validate(int defaultTimeout, int maxTimeout) {
    if (sessions == null || sessions.isEmpty()) {
      throw new InvalidInputException("run.sessions.required", "sessions");
    }
    if (scripts == null
        || scripts.isEmpty()
        || scripts.size() > org.assist.protocol.RunPlan.MAX_STEPS) {
      throw new InvalidInputException(
          "run.scripts.required", "scripts", org.assist.protocol.RunPlan.MAX_STEPS);
    }
    if (scripts.stream().allMatch(Item::isRestart)) {
      throw new InvalidInputException(
          "run.scripts.required", "scripts", org.assist.protocol.RunPlan.MAX_STEPS);
    }
    for (Item item : scripts) {
      int timeout = item.timeout(defaultTimeout);
      if (!item.isRestart() && (timeout < 1 || timeout > maxTimeout)) {
        throw new InvalidInputException("run.timeout.invalid", "timeout", maxTimeout);
      }
    }
  }
}
