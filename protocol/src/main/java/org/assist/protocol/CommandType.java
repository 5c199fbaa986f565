package org.assist.protocol;

/** What the server asks an agent to do. */
public enum CommandType {
  /** Collect the system information, after the customer's consent. */
  SYSTEM_INFO,
  /** Run scripts one after another, after the customer's consent (body: a {@link RunPlan}). */
  RUN_SCRIPTS,
  /** A chat message from the technician to the customer. */
  CHAT,
  /** The technician ended the session: tell the customer and stop. */
  END_SESSION
}
