package org.assist.application.run;

import java.util.List;
import org.assist.domain.run.RunStep;
import org.assist.domain.run.RunTarget;
import org.assist.domain.run.ScriptRun;
import org.assist.domain.run.StepState;

/** A run and, per session, its state and steps. */
public record RunDetails(ScriptRun run, List<Target> targets) {
  /** The run on one session. */
  public record Target(RunTarget target, List<RunStep> steps) {
    /** Steps ended (well or not), for progress bars. */
    public long finishedSteps() {
      return steps.stream()
          .filter(s -> s.getState() != StepState.PENDING && s.getState() != StepState.RUNNING)
          .count();
    }

    /** Progress in percent. */
    public int percent() {
      return steps.isEmpty() ? 0 : (int) (100 * finishedSteps() / steps.size());
    }

    /** The step running now, or null. */
    public RunStep current() {
      return steps.stream().filter(s -> s.getState() == StepState.RUNNING).findFirst().orElse(null);
    }
  }
}
