package org.assist.application.session;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.assist.domain.report.EventKind;
import org.assist.domain.report.SessionEvent;
import org.assist.domain.session.SupportSession;

/** Writes and reads the session reports, and tells open consoles about each new entry. */
@Stateless
@PermitAll
public class SessionReport {
  /** Who did it, when it was not a technician. */
  public static final String CUSTOMER = "customer";

  public static final String SYSTEM = "system";

  @PersistenceContext private EntityManager em;
  @Inject private Event<SessionChanged> changes;

  public void record(
      SupportSession session, EventKind kind, String actor, String detail, String commandId) {
    em.persist(new SessionEvent(session.getId(), kind, actor, detail, commandId));
    changes.fire(
        new SessionChanged(session.getId(), session.getTechnician().getUsername(), parts(kind)));
  }

  /** The report's entries, oldest first; pages ask SupportSessionService#report, which checks. */
  public List<ReportEntry> entries(long sessionId) {
    return em.createQuery(
            "select e from SessionEvent e where e.sessionId = :session order by e.at, e.id",
            SessionEvent.class)
        .setParameter("session", sessionId)
        .getResultStream()
        .map(ReportEntry::of)
        .toList();
  }

  /** What of the session's pages an entry of this kind touches besides the report itself. */
  static Set<SessionChanged.Part> parts(EventKind kind) {
    return switch (kind) {
      case CONSENT_ASKED,
          CONSENT_GRANTED,
          CONSENT_DECLINED,
          SCRIPT_FINISHED,
          RUN_ENDED,
          COMMAND_EXPIRED,
          COMMAND_REFUSED ->
          Set.of(SessionChanged.Part.RUNS, SessionChanged.Part.REPORT);
      case SYSTEM_INFO_COLLECTED, MESSAGES_DROPPED -> Set.of(SessionChanged.Part.REPORT);
      case SESSION_STARTED,
          CUSTOMER_JOINED,
          CUSTOMER_ONLINE,
          CUSTOMER_OFFLINE,
          RESTART_STARTED,
          RESTART_BACK,
          RESTART_OVERDUE,
          LOG_IN_TRIED,
          LOGGED_IN,
          LOG_IN_FAILED,
          LOG_IN_BLOCKED,
          LOG_IN_IMPOSSIBLE,
          LOG_OFF_ASKED,
          LOGGED_OFF,
          SESSION_ENDED ->
          Set.of(SessionChanged.Part.SESSION);
    };
  }
}
