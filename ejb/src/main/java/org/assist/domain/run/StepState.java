package org.assist.domain.run;

/** Where one script of a run stands. */
public enum StepState {
  PENDING,
  RUNNING,
  DONE,
  FAILED,
  /** Not run: an earlier script failed and the run stops on failure, or the run ended first. */
  SKIPPED,
  INTERRUPTED
}
