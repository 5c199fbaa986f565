package org.assist.web.rest;

import java.time.Instant;
import org.assist.domain.agent.Agent;
import org.assist.domain.session.SupportSession;

/**
 * A support session as the REST API shows it, with what is known of the customer's computer.
 *
 * @param customerOnline whether the customer's agent is connected right now
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
    String osUser) {

  static SessionJson of(SupportSession session, boolean customerOnline) {
    Agent agent = session.getAgent();
    return new SessionJson(
        session.getId(),
        session.getNumber(),
        session.getState().name(),
        session.getTechnician().getUsername(),
        session.getCreatedAt(),
        session.getEndedAt(),
        customerOnline,
        agent == null ? null : agent.getComputerName(),
        agent == null ? null : agent.getOsName(),
        agent == null ? null : agent.getOsUser());
  }
}
