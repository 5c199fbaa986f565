package org.assist.web.rest;

import java.time.Instant;
import org.assist.domain.session.SupportSession;

/** A support session as the REST API shows it. */
public record SessionJson(
    long id, String number, String state, String technician, Instant createdAt, Instant endedAt) {

  static SessionJson of(SupportSession session) {
    return new SessionJson(
        session.getId(),
        session.getNumber(),
        session.getState().name(),
        session.getTechnician().getUsername(),
        session.getCreatedAt(),
        session.getEndedAt());
  }
}
