package org.assist.application.session;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.assist.application.Caller;
import org.assist.application.NotFoundException;
import org.assist.application.Roles;
import org.assist.application.agent.AgentBudget;
import org.assist.application.agent.AgentCommands;
import org.assist.application.agent.Presence;
import org.assist.application.technician.TechnicianService;
import org.assist.domain.report.EventKind;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.domain.technician.Technician;
import org.assist.protocol.EndSession;
import org.assist.protocol.SessionNumber;

/**
 * Support sessions as technicians see them: they start and end their own; administrators see and
 * end everyone's. A session someone may not see is reported as not found.
 */
@Stateless
@RolesAllowed(Roles.TECHNICIAN)
public class SupportSessionService {
  private static final int NUMBER_ATTEMPTS = 20;
  private static final String VISIBLE =
      " from SupportSession s join s.technician t where (:all = true or t.username = :caller)";
  // pages and the API show the technician of every session: fetch it with the session
  private static final String SELECT_VISIBLE =
      "select s from SupportSession s join fetch s.technician t left join fetch s.agent"
          + " where (:all = true or t.username = :caller)";

  @PersistenceContext private EntityManager em;
  @Inject private Caller caller;
  @Inject private TechnicianService technicians;
  @Inject private SessionReport report;
  @Inject private AgentCommands commands;
  @Inject private Presence presence;
  @Inject private AgentBudget budget;

  /** Starts a session for the caller with a fresh number no open session is using. */
  public SessionRow start() {
    Technician technician = technicians.current();
    for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
      SessionNumber number = SessionNumber.random();
      if (!numberInUse(number)) {
        SupportSession session = new SupportSession(number, technician);
        em.persist(session);
        em.flush();
        report.record(session, EventKind.SESSION_STARTED, technician.getUsername(), null, null);
        return row(session);
      }
    }
    throw new IllegalStateException("no free session number after " + NUMBER_ATTEMPTS + " tries");
  }

  public SupportSession find(long id) {
    List<SupportSession> found =
        visible(SELECT_VISIBLE + " and s.id = :id", SupportSession.class)
            .setParameter("id", id)
            .getResultList();
    if (found.isEmpty()) {
      throw new NotFoundException("session.notFound");
    }
    return found.get(0);
  }

  /** The session as pages and the API show it, if the caller may see it. */
  public SessionRow row(long id) {
    return row(find(id));
  }

  /** Throws NotFoundException unless the session exists and the caller may see it. */
  public void checkVisible(long id) {
    find(id);
  }

  /** The session's report, oldest entry first, if the caller may see the session. */
  public List<ReportEntry> report(long id) {
    checkVisible(id);
    return report.entries(id);
  }

  /** Several sessions at once (with their customers' agents); any one not visible is not found. */
  public List<SupportSession> findAll(List<Long> ids) {
    List<SupportSession> found =
        visible(SELECT_VISIBLE + " and s.id in :ids", SupportSession.class)
            .setParameter("ids", ids)
            .getResultList();
    if (found.size() != new java.util.HashSet<>(ids).size()) {
      throw new NotFoundException("session.notFound");
    }
    return found;
  }

  /**
   * Ends the session and tells the customer's agent, which stops; the agent's credentials stop
   * working. Ending an ended session changes nothing.
   */
  public SessionRow end(long id) {
    SupportSession session = find(id);
    if (!session.isOpen()) {
      return row(session);
    }
    boolean hadCustomer = session.getState() == SessionState.CONNECTED;
    session.end();
    if (session.getAgent() != null) {
      budget.forget(session.getAgent().getId());
    }
    String workedAs = session.loggedOff(null);
    if (workedAs != null) {
      // the agent logs off as it stops
      report.record(
          session, EventKind.LOGGED_OFF, SessionReport.SYSTEM, workedAs + " (session ended)", null);
    }
    report.record(session, EventKind.SESSION_ENDED, caller.name(), null, null);
    if (hadCustomer) {
      commands.issue(session, new EndSession());
    }
    return row(session);
  }

  public List<SessionRow> list(SessionQuery query) {
    return visible(SELECT_VISIBLE + query.orderBy(), SupportSession.class)
        .setFirstResult(query.first())
        .setMaxResults(query.max())
        .getResultStream()
        .map(this::row)
        .toList();
  }

  public long count() {
    return visible("select count(s)" + VISIBLE, Long.class).getSingleResult();
  }

  /** The caller's sessions that are still open, newest first: the dashboard's list. */
  public List<SessionRow> openOfCaller() {
    return em.createQuery(
            "select s from SupportSession s join fetch s.technician t left join fetch s.agent"
                + " where t.username = :caller and s.state <> org.assist.domain.session.SessionState.ENDED"
                + " order by s.createdAt desc",
            SupportSession.class)
        .setParameter("caller", caller.name())
        .getResultStream()
        .map(this::row)
        .toList();
  }

  private SessionRow row(SupportSession session) {
    String agentId = session.getAgent() == null ? null : session.getAgent().getId();
    return SessionRow.of(
        session,
        presence.isOnline(agentId),
        session.getAgent() == null ? null : presence.lastSeen(session.getAgent()));
  }

  private boolean numberInUse(SessionNumber number) {
    return !em.createQuery(
            "select s.id from SupportSession s where s.openNumber = :number", Long.class)
        .setParameter("number", number.digits())
        .getResultList()
        .isEmpty();
  }

  private <T> TypedQuery<T> visible(String jpql, Class<T> type) {
    return em.createQuery(jpql, type)
        .setParameter("all", caller.isAdmin())
        .setParameter("caller", caller.name());
  }
}
