package org.assist.domain.session;

/** Where a technician's log-in to the customer's computer as another account stands. */
public enum LogInState {
  /** The customer is asked. */
  ASKED,
  /** The customer allowed it: the technician may type the credentials. */
  ALLOWED,
  /** The technician works as another account. */
  WORKING
}
