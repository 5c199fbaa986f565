package org.assist.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.assist.application.Presence;
import org.assist.domain.session.SupportSession;

/** What pages show about a session's customer: whether their agent is connected right now. */
@Named
@ApplicationScoped
public class Customers {
  @Inject private Presence presence;

  public boolean isOnline(SupportSession session) {
    return session.getAgent() != null && presence.isOnline(session.getAgent().getId());
  }

  public java.time.Instant lastSeen(SupportSession session) {
    return session.getAgent() == null ? null : presence.lastSeen(session.getAgent());
  }
}
