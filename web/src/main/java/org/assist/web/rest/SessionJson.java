package org.assist.web.rest;

import java.time.Instant;
import org.assist.application.session.SessionRow;

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

  static SessionJson of(SessionRow session) {
    SessionRow.Customer customer = session.customer();
    return new SessionJson(
        session.id(),
        session.number(),
        session.state().name(),
        session.technician(),
        session.createdAt(),
        session.endedAt(),
        customer != null && customer.online(),
        customer == null ? null : customer.computerName(),
        customer == null ? null : customer.osName(),
        customer == null ? null : customer.osUser());
  }
}
