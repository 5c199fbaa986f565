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
  /** A command the agent refused (bad signature, unknown type...), with the reason. */
  REFUSED,
  /** The agent is stopping. */
  BYE
}
