package org.assist.domain.run;

/** Where a run stands on one session. */
public enum TargetState {
  WAITING_FOR_CONSENT,
  RUNNING,
  /** Every script ran and exited with 0. */
  DONE,
  /** A script failed (non-zero exit, timeout, refused file); the run went on or stopped. */
  FAILED,
  DECLINED,
  /** The agent went away in the middle of the run. */
  INTERRUPTED,
  /** The command waited for an offline agent past its time to live. */
  EXPIRED,
  /** The agent refused the command (bad signature, bad content). */
  REFUSED;

  public boolean isFinished() {
    return this != WAITING_FOR_CONSENT && this != RUNNING;
  }
}
