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
  COMMAND_EXPIRED,
  COMMAND_REFUSED,
  SESSION_ENDED
}
