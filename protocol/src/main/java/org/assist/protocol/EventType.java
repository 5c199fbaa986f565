package org.assist.protocol;

/** What an agent reports to the server. */
public enum EventType {
  /** The agent is up and connected: computer name, OS, user. */
  HELLO,
  /** Still here; sent every 30 seconds, never stored one by one. */
  HEARTBEAT,
  /** The customer's answer to a command that needs consent. */
  CONSENT,
  /** The collected system information. */
  SYSTEM_INFO,
  /** A script of a run started: {@code step}. */
  STEP_STARTED,
  /** Output of the running script: {@code step}, {@code seq}, {@code stream}, {@code text}. */
  OUTPUT,
  /**
   * A script of a run ended: {@code step}, {@code exitCode}, {@code millis}, {@code timedOut}...
   */
  STEP_FINISHED,
  /** Every script of a run is done (or the run stopped): {@code completed}. */
  RUN_FINISHED,
  /** A chat message from the customer: {@code text}. */
  CHAT,
  /** A command the agent refused (bad signature, unknown type...), with the reason. */
  REFUSED,
  /** The agent is stopping. */
  BYE
}
