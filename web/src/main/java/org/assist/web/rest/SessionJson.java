package org.assist.web.rest;

import java.time.Instant;
import org.assist.application.session.SessionRow;

/**
 * A support session as the REST API shows it, with what is known of the customer's computer.
 *
 * @param state {@code WAITING}, {@code CONNECTED}, {@code RESTARTING} (its computer is restarting)
 *     or {@code ENDED}
 * @param customerOnline whether the customer's agent is connected right now
 * @param lastRestartSeconds how long the computer's last restart took, until its agent was back
 * @param restartOverdue the computer restarting now was not back in the time allowed
 * @param logInState {@code ASKED}, {@code ALLOWED} or {@code WORKING} while the technician logs in
 *     to the computer as another account; null otherwise
 * @param workingAs the account the technician works as
 * @param logInNote why the last log-in did not happen, as the customer's computer said
 * @param logInBlockedUntil until when logging in is refused after too many wrong passwords
 */
public record SessionJson(
    long id,
    String number,
    String state,
    String technician,
    Instant createdAt,
    Instant endedAt,
    boolean customerOnline,
    String computerName,
    String osName,
    String osUser,
    Long lastRestartSeconds,
    boolean restartOverdue,
    String logInState,
    String workingAs,
    String logInNote,
    Instant logInBlockedUntil) {

  static SessionJson of(SessionRow session) {
    SessionRow.Customer customer = session.customer();
    return new SessionJson(
        session.id(),
        session.number(),
        session.restarting() ? "RESTARTING" : session.state().name(),
        session.technician(),
        session.createdAt(),
        session.endedAt(),
        customer != null && customer.online(),
        customer == null ? null : customer.computerName(),
        customer == null ? null : customer.osName(),
        customer == null ? null : customer.osUser(),
        session.restart() == null || session.restart().lastMillis() == null
            ? null
            : session.restart().lastMillis() / 1000,
        session.restart() != null && session.restart().overdue(),
        session.logInState() == null ? null : session.logInState().name(),
        session.workingAs(),
        session.logIn() == null ? null : session.logIn().note(),
        session.logIn() == null ? null : session.logIn().blockedUntil());
  }
}
