package org.assist.application.run;

import java.util.List;
import org.assist.application.InvalidInputException;

/**
 * A run to launch: the same ordered scripts on one or more sessions.
 *
 * @param scripts in the order they run
 */
public record RunRequest(List<Long> sessions, List<Item> scripts, boolean stopOnFailure) {
  /** Default time a script may run before it is killed. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 300;

  /** The script id that stands for a restart of the computer between two scripts. */
  public static final long RESTART = 0;

  /**
   * One script of the run.
   *
   * @param timeoutSeconds null for the default
   */
  public record Item(long scriptId, Integer timeoutSeconds) {
    public int timeout() {
      return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    /** A restart of the computer rather than a script. */
    public boolean isRestart() {
      return scriptId == RESTART;
    }
  }

  /** Throws InvalidInputException when the request cannot make a run. */
  public void validate() {
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
      if (!item.isRestart()
          && (item.timeout() < 1
              || item.timeout() > org.assist.protocol.RunPlan.MAX_TIMEOUT_SECONDS)) {
        throw new InvalidInputException(
            "run.timeout.invalid", "timeout", org.assist.protocol.RunPlan.MAX_TIMEOUT_SECONDS);
      }
    }
  }
}
