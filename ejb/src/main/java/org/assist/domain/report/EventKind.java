package org.assist.domain.report;

/** The kinds of entries in a session's report. */
public enum EventKind {
  SESSION_STARTED,
  CUSTOMER_JOINED,
  CUSTOMER_ONLINE,
  CUSTOMER_OFFLINE,
  /**
   * The customer's computer came and went in a loop: its comings and goings are not listed one by
   * one until it is steady again.
   */
  CUSTOMER_COMING_AND_GOING,
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
  /** The technician sent credentials to log in as an account (named; never the password). */
  LOG_IN_TRIED,
  /** The technician works as another account now. */
  LOGGED_IN,
  /** The customer's computer refused the credentials. */
  LOG_IN_FAILED,
  /** Too many wrong credentials: logging in is refused for a while. */
  LOG_IN_BLOCKED,
  /** The agent cannot work as another account on that computer, and why. */
  LOG_IN_IMPOSSIBLE,
  /** The technician asked to log off. */
  LOG_OFF_ASKED,
  /** The technician no longer works as another account: the customer is back. */
  LOGGED_OFF,
  SESSION_ENDED,
  /**
   * A chat line. Chat lines are kept as chat messages; the report shows them among its entries but
   * none is recorded under this kind.
   */
  CHAT_MESSAGE;

  /** The kinds of entries a reader filters the report by. */
  public enum Group {
    SESSION,
    REQUESTS,
    SYSTEM_INFO,
    SCRIPTS,
    CHAT,
    RESTARTS,
    LOG_INS
  }

  public Group group() {
    return switch (this) {
      case SESSION_STARTED,
          CUSTOMER_JOINED,
          CUSTOMER_ONLINE,
          CUSTOMER_OFFLINE,
          CUSTOMER_COMING_AND_GOING,
          SESSION_ENDED ->
          Group.SESSION;
      case CONSENT_ASKED,
          CONSENT_GRANTED,
          CONSENT_DECLINED,
          COMMAND_EXPIRED,
          COMMAND_REFUSED,
          MESSAGES_DROPPED ->
          Group.REQUESTS;
      case SYSTEM_INFO_COLLECTED -> Group.SYSTEM_INFO;
      case SCRIPT_FINISHED, RUN_ENDED -> Group.SCRIPTS;
      case CHAT_MESSAGE -> Group.CHAT;
      case RESTART_STARTED, RESTART_BACK, RESTART_OVERDUE -> Group.RESTARTS;
      case LOG_IN_TRIED,
          LOGGED_IN,
          LOG_IN_FAILED,
          LOG_IN_BLOCKED,
          LOG_IN_IMPOSSIBLE,
          LOG_OFF_ASKED,
          LOGGED_OFF ->
          Group.LOG_INS;
    };
  }
}
