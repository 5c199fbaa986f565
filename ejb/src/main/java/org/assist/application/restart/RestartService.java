package org.assist.application.restart;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.assist.application.InvalidInputException;
import org.assist.application.ReadableDuration;
import org.assist.application.Roles;
import org.assist.application.Settings;
import org.assist.application.agent.AgentCommands;
import org.assist.application.agent.CommandRow;
import org.assist.application.session.SessionChanged;
import org.assist.application.session.SessionChanged.Part;
import org.assist.application.session.SessionReport;
import org.assist.application.session.SupportSessionService;
import org.assist.domain.report.EventKind;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.protocol.RestartRequest;

/**
 * Restarting the customer's computer: a technician asks, the customer consents on their own
 * computer, the agent restarts it, and the session shows it restarting until the agent, started
 * again with the computer, rejoins by itself; then how long it took. A computer not back within
 * {@link Settings#restartTimeout()} is said to be overdue, once.
 */
@Stateless
@RolesAllowed(Roles.TECHNICIAN)
public class RestartService {
  @PersistenceContext private EntityManager em;
  @Inject private SupportSessionService sessions;
  @Inject private AgentCommands commands;
  @Inject private SessionReport report;
  @Inject private Event<SessionChanged> changes;

  /** Asks the session's customer to let the computer restart; the answer arrives later. */
  public CommandRow request(long sessionId) {
    SupportSession session = sessions.find(sessionId);
    if (session.getState() != SessionState.CONNECTED) {
      throw new InvalidInputException("restart.noCustomer");
    }
    if (session.getRestartingSince() != null) {
      throw new InvalidInputException("restart.already");
    }
    if (session.getLogIn() == org.assist.domain.session.LogInState.WORKING) {
      throw new InvalidInputException("logIn.logOffFirst", null, session.getWorkingAs());
    }
    return CommandRow.of(commands.issue(session, new RestartRequest()));
  }

  /** The customer allowed it: the computer is going down. */
  @PermitAll
  public void started(SupportSession session) {
    session.restarting(Instant.now());
    report.record(session, EventKind.RESTART_STARTED, SessionReport.CUSTOMER, null, null);
  }

  /** The session's agent is connected again: if its computer was restarting, it is back. */
  @PermitAll
  public void agentConnected(SupportSession session) {
    Long took = session.backFromRestart(Instant.now());
    if (took != null) {
      report.record(
          session, EventKind.RESTART_BACK, SessionReport.CUSTOMER, ReadableDuration.of(took), null);
      changed(session);
    }
  }

  /** The computer could not restart (its agent said why): the session goes on as before. */
  @PermitAll
  public void failed(SupportSession session) {
    session.restartFailed();
    changed(session);
  }

  /** Says of each computer not back in time that it is overdue, once. */
  @PermitAll
  @Schedule(hour = "*", minute = "*", second = "*/20", persistent = false)
  public void watch() {
    Instant limit = Instant.now().minus(Settings.restartTimeout());
    for (SupportSession session :
        em.createQuery(
                "select s from SupportSession s join fetch s.technician"
                    + " where s.restartingSince < :limit and s.restartOverdue = false"
                    + " and s.state = org.assist.domain.session.SessionState.CONNECTED",
                SupportSession.class)
            .setParameter("limit", limit)
            .getResultList()) {
      session.restartOverdue();
      report.record(
          session,
          EventKind.RESTART_OVERDUE,
          SessionReport.SYSTEM,
          ReadableDuration.of(Settings.restartTimeout().toMillis()),
          null);
    }
  }

  private void changed(SupportSession session) {
    changes.fire(
        new SessionChanged(session.getId(), session.getTechnician().getUsername(), Part.SESSION));
  }
}
