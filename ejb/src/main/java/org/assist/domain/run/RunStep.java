package org.assist.domain.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.assist.domain.script.ScriptVersion;
import org.assist.protocol.RunPlan;

/**
 * One script of a run on one session: exactly which version (number and SHA-256), and how it went:
 * start, end, exit code, and how much output was kept.
 */
@Entity
@Table(name = "run_step")
public class RunStep {
  // ids handed out 50 at a time, so that rows are inserted in batches (V7__Batched_ids)
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "run_step_seq")
  @SequenceGenerator(name = "run_step_seq", sequenceName = "run_step_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "target_id")
  private RunTarget target;

  @Column(name = "step_index", nullable = false)
  private int index;

  /** Null for a restart step. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "version_id")
  private ScriptVersion version;

  @Column(nullable = false, length = 128)
  private String name;

  @Column(name = "version_number", nullable = false)
  private int versionNumber;

  @Column(name = "executable_sha256", length = 64)
  private String executableSha256;

  @Column(name = "input_sha256", length = 64)
  private String inputSha256;

  @Column(name = "timeout_seconds", nullable = false)
  private int timeoutSeconds;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private StepState state;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  /** How long it ran, measured on the customer's computer. */
  @Column(name = "run_millis")
  private Long runMillis;

  @Column(name = "exit_code")
  private Integer exitCode;

  @Column(name = "timed_out", nullable = false)
  private boolean timedOut;

  @Column(name = "output_bytes", nullable = false)
  private long outputBytes;

  @Column(nullable = false)
  private boolean truncated;

  @Column(length = 1024)
  private String error;

  /** Parts of its output the agent numbered and sent that never arrived: a gap. */
  @Column(name = "output_missing", nullable = false)
  private int outputMissing;

  /** A step that restarts the computer (no script). */
  @Column(nullable = false)
  private boolean restart;

  protected RunStep() {}

  /** {@code version} may be a reference: its name and number are given. */
  public RunStep(
      RunTarget target,
      int index,
      ScriptVersion version,
      String name,
      int versionNumber,
      String executableSha256,
      String inputSha256,
      int timeoutSeconds) {
    this.target = target;
    this.index = index;
    this.version = version;
    this.name = name;
    this.versionNumber = versionNumber;
    this.executableSha256 = executableSha256;
    this.inputSha256 = inputSha256;
    this.timeoutSeconds = timeoutSeconds;
    this.state = StepState.PENDING;
  }

  /** A step of the run that restarts the computer; the steps after it run once it is back. */
  public static RunStep restart(RunTarget target, int index) {
    RunStep step = new RunStep(target, index, null, RunPlan.Step.RESTART, 0, null, null, 0);
    step.restart = true;
    return step;
  }

  public boolean isRestart() {
    return restart;
  }

  public Long getId() {
    return id;
  }

  public RunTarget getTarget() {
    return target;
  }

  public int getIndex() {
    return index;
  }

  public ScriptVersion getVersion() {
    return version;
  }

  public String getName() {
    return name;
  }

  public int getVersionNumber() {
    return versionNumber;
  }

  public String getExecutableSha256() {
    return executableSha256;
  }

  public String getInputSha256() {
    return inputSha256;
  }

  public int getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public StepState getState() {
    return state;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public Integer getExitCode() {
    return exitCode;
  }

  public boolean isTimedOut() {
    return timedOut;
  }

  public long getOutputBytes() {
    return outputBytes;
  }

  public boolean isTruncated() {
    return truncated;
  }

  public String getError() {
    return error;
  }

  public int getOutputMissing() {
    return outputMissing;
  }

  /** Of the parts of output the agent sent, this many never arrived. */
  public void outputMissing(int parts) {
    outputMissing = Math.max(0, parts);
  }

  /** How long it ran (as the agent measured it when it reported), or null before it ended. */
  public Duration getDuration() {
    if (runMillis != null) {
      return Duration.ofMillis(runMillis);
    }
    return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
  }

  /** Records the start; false if it was recorded before (a redelivery) or the step is over. */
  public boolean started() {
    if (state != StepState.PENDING) {
      return false;
    }
    state = StepState.RUNNING;
    startedAt = Instant.now();
    return true;
  }

  /** Counts output kept; returns how many of {@code bytes} may still be kept. */
  public int keep(int bytes, int limit) {
    long room = Math.max(0, limit - outputBytes);
    int kept = (int) Math.min(room, bytes);
    outputBytes += kept;
    if (kept < bytes) {
      truncated = true;
    }
    return kept;
  }

  /** Records the end the agent reported; false if it was recorded before (a redelivery). */
  public boolean finished(
      Integer exitCode, long millis, boolean timedOut, boolean truncatedByAgent, String error) {
    if (state == StepState.DONE || state == StepState.FAILED) {
      return false;
    }
    this.exitCode = exitCode;
    this.timedOut = timedOut;
    this.truncated |= truncatedByAgent;
    this.error = error == null || error.length() <= 1024 ? error : error.substring(0, 1024);
    this.runMillis = Math.max(0, millis);
    finishedAt = Instant.now();
    if (startedAt == null) {
      startedAt = finishedAt;
    }
    state =
        exitCode != null && exitCode == 0 && !timedOut && error == null
            ? StepState.DONE
            : StepState.FAILED;
    return true;
  }

  /** The run ended without this step finishing; true if it was running (it now has an end). */
  public boolean abandon(StepState why) {
    if (state == StepState.PENDING) {
      state = StepState.SKIPPED;
    } else if (state == StepState.RUNNING) {
      state = why;
      finishedAt = Instant.now();
      return true;
    }
    return false;
  }
}
