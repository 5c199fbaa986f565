package org.assist.application.run;

import java.time.Instant;
import java.util.List;
import org.assist.domain.run.RunOutput;
import org.assist.domain.run.RunStep;
import org.assist.domain.run.RunTarget;
import org.assist.domain.run.ScriptRun;
import org.assist.domain.run.StepState;
import org.assist.domain.run.TargetState;
import org.assist.protocol.SessionNumber;

/** A run and, per session, its state and steps, as pages and the API show them. */
public record RunDetails(
    long id, String launchedBy, Instant createdAt, boolean stopOnFailure, List<Target> targets) {

  /** Over on every session: nothing more will run. */
  public boolean over() {
    return targets.stream().allMatch(Target::over);
  }

  /** On how many sessions it ended well. */
  public long done() {
    return targets.stream().filter(t -> t.state() == TargetState.DONE).count();
  }

  static RunDetails of(ScriptRun run, List<Target> targets) {
    return new RunDetails(
        run.getId(), run.getLaunchedBy(), run.getCreatedAt(), run.isStopOnFailure(), targets);
  }

  /**
   * The run on one session.
   *
   * @param customerOnline whether the session's customer is connected right now
   * @param consent how the customer answered, or null
   * @param detail why it ended as it did (interrupted, refused...), or null
   */
  public record Target(
      long id,
      long runId,
      String launchedBy,
      Instant launchedAt,
      long sessionId,
      String sessionNumber,
      TargetState state,
      boolean customerOnline,
      String consent,
      String detail,
      List<Step> steps) {

    static Target of(RunTarget target, boolean customerOnline, List<RunStep> steps) {
      ScriptRun run = target.getRun();
      return new Target(
          target.getId(),
          run.getId(),
          run.getLaunchedBy(),
          run.getCreatedAt(),
          target.getSession().getId(),
          target.getSession().getNumber(),
          target.getState(),
          customerOnline,
          target.getConsent(),
          target.getDetail(),
          steps.stream().map(Step::of).toList());
    }

    public String displayNumber() {
      return SessionNumber.display(sessionNumber);
    }

    /** It ended, well or not: nothing more will run. */
    public boolean over() {
      return state.isFinished();
    }

    /** Steps ended (well or not), for progress bars. */
    public long finishedSteps() {
      return steps.stream().filter(Step::ended).count();
    }

    /** Progress in percent. */
    public int percent() {
      return steps.isEmpty() ? 0 : (int) (100 * finishedSteps() / steps.size());
    }

    /** The step running now, or null. */
    public Step current() {
      return steps.stream().filter(s -> s.state() == StepState.RUNNING).findFirst().orElse(null);
    }
  }

  /**
   * One script of the run on a session.
   *
   * @param version the script version's number
   * @param exitCode null unless it exited by itself
   * @param durationMillis the script's own run time, once it ended
   * @param outputBytes how much of its output is kept
   */
  public record Step(
      long id,
      long targetId,
      int index,
      String name,
      int version,
      String sha256,
      String inputSha256,
      int timeoutSeconds,
      StepState state,
      Instant startedAt,
      Instant finishedAt,
      Integer exitCode,
      Long durationMillis,
      boolean timedOut,
      boolean truncated,
      String error,
      long outputBytes,
      int outputMissing,
      boolean restart) {

    public static Step of(RunStep step) {
      return new Step(
          step.getId(),
          step.getTarget().getId(),
          step.getIndex(),
          step.getName(),
          step.getVersionNumber(),
          step.getExecutableSha256(),
          step.getInputSha256(),
          step.getTimeoutSeconds(),
          step.getState(),
          step.getStartedAt(),
          step.getFinishedAt(),
          step.getExitCode(),
          step.getDuration() == null ? null : step.getDuration().toMillis(),
          step.isTimedOut(),
          step.isTruncated(),
          step.getError(),
          step.getOutputBytes(),
          step.getOutputMissing(),
          step.isRestart());
    }

    /** It ended, well or not. */
    public boolean ended() {
      return state != StepState.PENDING && state != StepState.RUNNING;
    }
  }

  /** A chunk of a script's output, numbered in the order the agent read it. */
  public record Output(long stepId, int seq, boolean stderr, String text, Instant at) {
    public static Output of(RunOutput chunk) {
      return new Output(
          chunk.getStepId(), chunk.getSeq(), chunk.isStderr(), chunk.getText(), chunk.getAt());
    }
  }
}
