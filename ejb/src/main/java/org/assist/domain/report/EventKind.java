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
  SESSION_ENDED
}
