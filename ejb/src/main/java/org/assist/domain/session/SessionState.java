package org.assist.domain.session;

/** Where a support session is in its life. */
public enum SessionState {
  /** Started by the technician; the customer has not joined yet. */
  WAITING,
  /** The customer's agent joined; it may be online or offline at any moment. */
  CONNECTED,
  /** Ended by the technician or by idleness; the session keeps its report. */
  ENDED
}
