package org.assist.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.assist.application.agent.Presence;
import org.assist.domain.session.SupportSession;

/** What pages show about a session's customer: whether their agent is connected right now. */
@Named
@ApplicationScoped
public class Customers {
  @Inject private Presence presence;

  public boolean isOnline(SupportSession session) {
    return session.getAgent() != null && presence.isOnline(session.getAgent().getId());
  }

  /**
   * How a run stands on a session, in words: waiting for consent (or for the customer to come back
   * online), running script i of n, done, failed, declined, interrupted, expired.
   */
  public String runStatus(org.assist.application.run.RunDetails.Target target) {
    var locale = jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale();
    var state = target.target().getState();
    SupportSession session = target.target().getSession();
    if (state == org.assist.domain.run.TargetState.WAITING_FOR_CONSENT && !isOnline(session)) {
      return org.assist.web.Messages.text(locale, "run.state.OFFLINE");
    }
    if (state == org.assist.domain.run.TargetState.RUNNING) {
      var current = target.current();
      long index = current == null ? target.finishedSteps() : current.getIndex() + 1;
      return org.assist.web.Messages.text(
          locale, "run.state.RUNNING", Math.max(1, index), target.steps().size());
    }
    return org.assist.web.Messages.text(locale, "run.state." + state.name());
  }

  public java.time.Instant lastSeen(SupportSession session) {
    return session.getAgent() == null ? null : presence.lastSeen(session.getAgent());
  }
}
