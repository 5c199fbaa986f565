package org.assist.web.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;
import org.assist.application.run.RunDetails;

/**
 * A run as the REST API shows it: whether it has ended on every session, per session its state and
 * consent, per script its version, hashes, result and whole output. Every field is always there
 * ({@code null} when unknown), so a ticketing tool reads one shape.
 */
@JsonbNillable
public record RunJson(
    long id,
    String launchedBy,
    Instant createdAt,
    boolean stopOnFailure,
    boolean ended,
    List<SessionJson> sessions) {

  /** The run on one session. */
  @JsonbNillable
  public record SessionJson(
      long sessionId, String state, String consent, String detail, List<StepJson> steps) {}

  /** One script of the run on a session, with its output. */
  @JsonbNillable
  public record StepJson(
      int index,
      String name,
      int version,
      String sha256,
      String inputSha256,
      String state,
      Integer exitCode,
      Long durationMillis,
      boolean timedOut,
      boolean truncated,
      int outputMissing,
      Instant startedAt,
      Instant finishedAt,
      String error,
      String stdout,
      String stderr) {

    static StepJson of(RunDetails.Step step, List<RunDetails.Output> output) {
      StringBuilder stdout = new StringBuilder();
      StringBuilder stderr = new StringBuilder();
      for (RunDetails.Output chunk : output) {
        (chunk.stderr() ? stderr : stdout).append(chunk.text());
      }
      return new StepJson(
          step.index(),
          step.name(),
          step.version(),
          step.sha256(),
          step.inputSha256(),
          step.state().name(),
          step.exitCode(),
          step.durationMillis(),
          step.timedOut(),
          step.truncated(),
          step.outputMissing(),
          step.startedAt(),
          step.finishedAt(),
          step.error(),
          stdout.toString(),
          stderr.toString());
    }
  }

  /** What launches a run: the sessions, the scripts in order, each one's timeout in seconds. */
  public record LaunchJson(
      List<Long> sessions, List<Long> scripts, List<Integer> timeouts, Boolean stopOnFailure) {}

  /** A launched run's id. */
  public record LaunchedJson(long id) {}
}
