package org.assist.application.session;

import java.time.Instant;
import org.assist.domain.agent.Agent;
import org.assist.domain.session.LogInState;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.protocol.SessionNumber;

/**
 * A support session as pages and the API show it: its number, state and technician, and what is
 * known of its customer.
 *
 * @param technician the technician's user name
 * @param customer null until a customer joins
 * @param restart its computer's restarts: null when it never restarted
 * @param logIn a log-in as another account of its computer: null when none goes on or failed
 */
public record SessionRow(
    long id,
    String number,
    SessionState state,
    String technician,
    String technicianName,
    Instant createdAt,
    Instant endedAt,
    Customer customer,
    Restart restart,
    LogIn logIn) {

  /**
   * The customer's computer, as its agent described it (untrusted text: always escaped).
   *
   * @param online whether its agent is connected right now
   * @param lastSeen the last sign of life from its agent
   */
  public record Customer(
      String computerName, String osName, String osUser, boolean online, Instant lastSeen) {}

  /**
   * The computer's restart going on, or its last one.
   *
   * @param since when the computer went down; null once it is back
   * @param overdue it was not back in the time allowed
   * @param lastMillis how long the last restart took; null before the first one is over
   */
  public record Restart(Instant since, boolean overdue, Long lastMillis) {
    /** Whether the computer is restarting right now. */
    public boolean restarting() {
      return since != null;
    }
  }

  /**
   * A log-in as another account of the customer's computer.
   *
   * @param state null when none goes on
   * @param account the account worked as; null unless {@code WORKING}
   * @param note the agent's last word on a log-in that did not happen (untrusted text)
   * @param blockedUntil until when logging in is refused; null when it is not
   */
  public record LogIn(LogInState state, String account, String note, Instant blockedUntil) {}

  static SessionRow of(SupportSession session, boolean online, Instant lastSeen) {
    Agent agent = session.getAgent();
    return new SessionRow(
        session.getId(),
        session.getNumber(),
        session.getState(),
        session.getTechnician().getUsername(),
        session.getTechnician().getDisplayName(),
        session.getCreatedAt(),
        session.getEndedAt(),
        agent == null
            ? null
            : new Customer(
                agent.getComputerName(), agent.getOsName(), agent.getOsUser(), online, lastSeen),
        session.getRestartingSince() == null && session.getLastRestartMillis() == null
            ? null
            : new Restart(
                session.getRestartingSince(),
                session.isRestartOverdue(),
                session.getLastRestartMillis()),
        logInOf(session));
  }

  private static LogIn logInOf(SupportSession session) {
    Instant blocked = session.isLogInBlocked(Instant.now()) ? session.getLogInBlockedUntil() : null;
    if (session.getLogIn() == null && session.getLogInNote() == null && blocked == null) {
      return null;
    }
    return new LogIn(
        session.getLogIn(),
        session.getLogIn() == LogInState.WORKING ? session.getWorkingAs() : null,
        session.getLogInNote(),
        blocked);
  }

  /** The account the technician works as on the customer's computer; null when none. */
  public String workingAs() {
    return logIn == null ? null : logIn.account();
  }

  /** Where a log-in as another account stands; null when none goes on. */
  public LogInState logInState() {
    return logIn == null ? null : logIn.state();
  }

  /** Whether the technician may ask to log in as another account, or type the credentials, now. */
  public boolean logInPossible() {
    return restartable()
        && (logIn == null || (logIn.state() != LogInState.WORKING && logIn.blockedUntil() == null));
  }

  /** Whether its computer is restarting right now. */
  public boolean restarting() {
    return restart != null && restart.restarting();
  }

  /** How long the last restart took, as people read it; null before one is over. */
  public String lastRestart() {
    return restart == null || restart.lastMillis() == null
        ? null
        : org.assist.application.ReadableDuration.of(restart.lastMillis());
  }

  /** The number as people read it: {@code 123 456 789}. */
  public String displayNumber() {
    return SessionNumber.display(number);
  }

  public boolean open() {
    return state != SessionState.ENDED;
  }

  /** Open, with a customer who joined: commands can be sent. */
  public boolean connected() {
    return state == SessionState.CONNECTED;
  }

  /** Whether the technician may ask for a restart now. */
  public boolean restartable() {
    return connected() && !restarting();
  }
}
