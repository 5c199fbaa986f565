package org.assist.application.session;

import java.time.Instant;
import org.assist.domain.agent.Agent;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.protocol.SessionNumber;

/**
 * A support session as pages and the API show it: its number, state and technician, and what is
 * known of its customer.
 *
 * @param technician the technician's user name
 * @param customer null until a customer joins
 */
public record SessionRow(
    long id,
    String number,
    SessionState state,
    String technician,
    String technicianName,
    Instant createdAt,
    Instant endedAt,
    Customer customer) {

  /**
   * The customer's computer, as its agent described it (untrusted text: always escaped).
   *
   * @param online whether its agent is connected right now
   * @param lastSeen the last sign of life from its agent
   */
  public record Customer(
      String computerName, String osName, String osUser, boolean online, Instant lastSeen) {}

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
                agent.getComputerName(), agent.getOsName(), agent.getOsUser(), online, lastSeen));
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
}
