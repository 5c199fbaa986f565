package org.assist.domain.command;

/** Where a command sent to an agent stands. */
public enum CommandStatus {
  /** Sent; the customer has not answered yet (or the agent has not picked it up). */
  WAITING_FOR_CONSENT,
  /** The customer agreed; the agent is working on it. */
  RUNNING,
  DECLINED,
  DONE,
  FAILED,
  /** Nobody picked it up in time: the agent was offline. */
  EXPIRED,
  /** The agent refused it (for instance a signature that did not verify). */
  REFUSED;

  public boolean isFinished() {
    return this != WAITING_FOR_CONSENT && this != RUNNING;
  }
}
