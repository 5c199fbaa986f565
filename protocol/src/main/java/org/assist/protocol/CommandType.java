package org.assist.protocol;

/** What the server asks an agent to do. */
public enum CommandType {
  /** Collect the system information, after the customer's consent. */
  SYSTEM_INFO,
  /** The technician ended the session: tell the customer and stop. */
  END_SESSION
}
