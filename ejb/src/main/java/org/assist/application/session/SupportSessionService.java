package org.assist.application.session;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assist.application.AuditLog;
import org.assist.application.Caller;
import org.assist.application.NotFoundException;
import org.assist.application.ReadableDuration;
import org.assist.application.Roles;
import org.assist.application.Searches;
import org.assist.application.agent.AgentBudget;
import org.assist.application.agent.AgentCommands;
import org.assist.application.agent.Presence;
import org.assist.application.technician.TechnicianService;
import org.assist.domain.agent.Agent;
import org.assist.domain.report.EventKind;
import org.assist.domain.run.TargetState;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.domain.technician.Technician;
import org.assist.infrastructure.messaging.BrokerAdmin;
import org.assist.infrastructure.persistence.IdsCondition;
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
      " from SupportSession s join s.technician t left join s.agent a"
          + " where (:all = true or t.username = :caller)";
  // pages and the API show the technician of every session: fetch it with the session
  private static final String SELECT_VISIBLE =
      "select s from SupportSession s join fetch s.technician t left join fetch s.agent a"
          + " where (:all = true or t.username = :caller)";

  @PersistenceContext private EntityManager em;
  @Inject private Caller caller;
  @Inject private TechnicianService technicians;
  @Inject private SessionReport report;
  @Inject private AgentCommands commands;
  @Inject private Presence presence;
  @Inject private AgentBudget budget;
  @Inject private BrokerAdmin broker;
  @Inject private AuditLog audit;

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
        audit.record("session.start", session.getNumber(), null);
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
        IdsCondition.bind(
                visible(
                    SELECT_VISIBLE + " and " + IdsCondition.on("s.id", ids), SupportSession.class),
                ids)
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
    if (session.isOpen()) {
      end(session, caller.name(), null);
    }
    return row(session);
  }

  /**
   * Ends a session that nobody used for {@code idle} (the idle sessions' sweep calls it), unless
   * something happened meanwhile.
   */
  @PermitAll
  public void endIdle(long id, Duration idle) {
    SupportSession session = em.find(SupportSession.class, id);
    if (session != null
        && session.isOpen()
        && !idleQuery(Instant.now().minus(idle), " and s.id = :id")
            .setParameter("id", id)
            .getResultList()
            .isEmpty()) {
      end(session, SessionReport.SYSTEM, "idle: " + ReadableDuration.of(idle.toMillis()));
    }
  }

  /**
   * The open sessions where nothing happened since {@code since}: no report entry, no chat line, no
   * run going on, no restart; at most 500 at a time.
   */
  @PermitAll
  public List<Long> idle(Instant since) {
    return idleQuery(since, "").setMaxResults(500).getResultList();
  }

  private TypedQuery<Long> idleQuery(Instant since, String andAlso) {
    return em.createQuery(
            "select s.id from SupportSession s where s.state <> :ended and s.createdAt < :since"
                + " and s.restartingSince is null"
                + " and not exists (select e.id from SessionEvent e where e.sessionId = s.id"
                + " and e.at >= :since)"
                + " and not exists (select m.id from ChatMessage m where m.sessionId = s.id"
                + " and m.at >= :since)"
                + " and not exists (select t.id from RunTarget t where t.session = s"
                + " and t.state in :going)"
                + andAlso,
            Long.class)
        .setParameter("ended", SessionState.ENDED)
        .setParameter("since", since)
        .setParameter("going", List.of(TargetState.WAITING_FOR_CONSENT, TargetState.RUNNING));
  }

  /**
   * The agents of ended sessions whose broker queue, address and permissions are still there, once
   * their agent left (it stopped at its session's end) or {@code grace} passed.
   */
  @PermitAll
  public List<String> toRelease(Duration grace) {
    return em.createQuery(
            "select a.id from SupportSession s join s.agent a where s.state = :ended"
                + " and a.releasedAt is null order by s.endedAt",
            String.class)
        .setParameter("ended", SessionState.ENDED)
        .setMaxResults(500)
        .getResultStream()
        .filter(agentId -> !presence.isOnline(agentId) || endedBefore(agentId, grace))
        .toList();
  }

  private boolean endedBefore(String agentId, Duration grace) {
    return !em.createQuery(
            "select s.id from SupportSession s where s.agent.id = :agent and s.endedAt < :limit",
            Long.class)
        .setParameter("agent", agentId)
        .setParameter("limit", Instant.now().minus(grace))
        .getResultList()
        .isEmpty();
  }

  /** Removes what the broker held for an ended session's agent. */
  @PermitAll
  public void release(String agentId) {
    Agent agent = em.find(Agent.class, agentId);
    if (agent != null && agent.isRevoked() && agent.getReleasedAt() == null) {
      broker.releaseAgent(agentId);
      agent.released(Instant.now());
    }
  }

  /**
   * What the broker still holds for the session's agent (administrators: to see that an ended
   * session left nothing behind).
   */
  @RolesAllowed(Roles.ADMIN)
  public List<String> brokerHoldings(long id) {
    SupportSession session = find(id);
    return session.getAgent() == null ? List.of() : broker.holdings(session.getAgent().getId());
  }

  private void end(SupportSession session, String actor, String why) {
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
    report.record(session, EventKind.SESSION_ENDED, actor, why, null);
    audit.record("session.end", session.getNumber(), why);
    if (hadCustomer) {
      commands.issue(session, new EndSession());
    }
  }

  /** One page of the sessions the caller may see that match the query's filter. */
  public List<SessionRow> list(SessionQuery query) {
    Searches search = query.filter().conditions();
    return search
        .bind(visible(SELECT_VISIBLE + search.jpql() + query.orderBy(), SupportSession.class))
        .setFirstResult(query.first())
        .setMaxResults(query.max())
        .getResultStream()
        .map(this::row)
        .toList();
  }

  /** How many sessions the caller may see match the filter. */
  public long count(SessionFilter filter) {
    Searches search = filter.conditions();
    return search
        .bind(visible("select count(s)" + VISIBLE + search.jpql(), Long.class))
        .getSingleResult();
  }

  /** One page of the caller's open sessions, newest first: the dashboard's list. */
  public List<SessionRow> openOfCaller(int first, int max) {
    return em.createQuery(
            "select s from SupportSession s join fetch s.technician t left join fetch s.agent"
                + " where t.username = :caller and s.state <> :ended"
                + " order by s.createdAt desc, s.id desc",
            SupportSession.class)
        .setParameter("caller", caller.name())
        .setParameter("ended", SessionState.ENDED)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, max))
        .getResultStream()
        .map(this::row)
        .toList();
  }

  /** How many sessions of the caller are open. */
  public long countOpenOfCaller() {
    return em.createQuery(
            "select count(s) from SupportSession s join s.technician t"
                + " where t.username = :caller and s.state <> :ended",
            Long.class)
        .setParameter("caller", caller.name())
        .setParameter("ended", SessionState.ENDED)
        .getSingleResult();
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
