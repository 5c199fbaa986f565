package org.assist.domain.report;

/** The kinds of entries in a session's report. */
public enum EventKind {
  SESSION_STARTED,
  CUSTOMER_JOINED,
  CUSTOMER_ONLINE,
  CUSTOMER_OFFLINE,
  CONSENT_ASKED,
  CONSENT_GRANTED,
  CONSENT_DECLINED,
  SYSTEM_INFO_COLLECTED,
  SCRIPT_FINISHED,
  RUN_ENDED,
  COMMAND_EXPIRED,
  COMMAND_REFUSED,
  /** The customer's computer sent more than its budget: the rest was dropped. */
  MESSAGES_DROPPED,
  /** The customer allowed a restart: the computer went down. */
  RESTART_STARTED,
  /** The computer is back after a restart, its agent in the session again. */
  RESTART_BACK,
  /** The computer was not back in the time allowed. */
  RESTART_OVERDUE,
  SESSION_ENDED
}
