package org.assist.application.agent;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.assist.application.run.RunProgress;
import org.assist.application.session.SessionReport;
import org.assist.domain.agent.Agent;
import org.assist.domain.report.EventKind;
import org.assist.domain.session.SupportSession;

/**
 * Which agents are connected, known from the broker (a consumer on the agent's queue) rather than
 * from heartbeats written to the database: presence changes are reported, "last seen" is kept in
 * memory and written in one batch a minute.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Presence {
  private static final Logger LOG = Logger.getLogger(Presence.class.getName());

  /**
   * How long after its agent left a session's runs in progress are said interrupted: the events the
   * agent sent just before leaving (a step's end, a restart step's start) are read first, since the
   * broker tells of the departure before the message-driven bean has read them.
   */
  static final long GONE_AFTER_MILLIS = 3000;

  /**
   * After the server started: how long the agents whose runs were going on when it stopped have to
   * come back (they say then how their runs went) before those runs are said interrupted.
   */
  static final long BACK_AFTER_START_MILLIS = 60_000;

  private final Instant startedAt = Instant.now();

  /** When each agent that left in this life of the server left. */
  private final Map<String, Instant> offlineSince = new ConcurrentHashMap<>();

  private final Set<String> online = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
  private final Reconnects reconnects = new Reconnects();

  @PersistenceContext private EntityManager em;
  @Inject private SessionReport report;
  @Inject private RunProgress runs;
  @Resource private TimerService timers;

  /** How many agents are connected now. */
  public int onlineCount() {
    return online.size();
  }

  public boolean isOnline(String agentId) {
    return agentId != null && online.contains(agentId);
  }

  /** The broker says the agent's queue has, or no longer has, a consumer. */
  public void connected(String agentId, boolean connected) {
    Instant now = Instant.now();
    boolean changed = connected ? online.add(agentId) : online.remove(agentId);
    if (connected) {
      offlineSince.remove(agentId);
    } else {
      offlineSince.putIfAbsent(agentId, now);
    }
    seen(agentId);
    if (!changed) {
      return;
    }
    Reconnects.Loop loop = connected ? reconnects.arrived(agentId, now) : reconnects.left(agentId);
    if (loop == Reconnects.Loop.GOING_ON) {
      // said once; its runs are the sweep's, where it stands is said once it is steady
      return;
    }
    if (!connected) {
      timers.createSingleActionTimer(GONE_AFTER_MILLIS, new TimerConfig(agentId, false));
    }
    SupportSession session = sessionOf(agentId);
    if (loop == Reconnects.Loop.FOUND) {
      LOG.warning(
          "Agent "
              + agentId
              + (session == null ? "" : " (session " + session.getNumber() + ")")
              + " came and went more than "
              + Reconnects.MOST_ARRIVALS
              + " times within a minute: its comings and goings are no longer handled one by one"
              + " until it has been steady for "
              + Reconnects.STEADY.toSeconds()
              + " s");
    }
    if (session != null && session.isOpen()) {
      report.record(
          session,
          loop == Reconnects.Loop.FOUND
              ? EventKind.CUSTOMER_COMING_AND_GOING
              : connected ? EventKind.CUSTOMER_ONLINE : EventKind.CUSTOMER_OFFLINE,
          SessionReport.SYSTEM,
          loop == Reconnects.Loop.FOUND ? String.valueOf(Reconnects.MOST_ARRIVALS + 1) : null,
          null);
    }
  }

  /**
   * Agents that came and went in a loop and have been steady since: where each stands is said once
   * (online or offline, in its report and on the console), and the log says how long its loop was.
   */
  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void sayWhereSettledAgentsStand() {
    reconnects
        .settled(Instant.now())
        .forEach(
            (agentId, arrivals) -> {
              SupportSession session = sessionOf(agentId);
              LOG.info(
                  "Agent "
                      + agentId
                      + " steady again after "
                      + arrivals
                      + " arrivals in a loop; "
                      + (isOnline(agentId) ? "online" : "offline"));
              if (session != null && session.isOpen()) {
                report.record(
                    session,
                    isOnline(agentId) ? EventKind.CUSTOMER_ONLINE : EventKind.CUSTOMER_OFFLINE,
                    SessionReport.SYSTEM,
                    null,
                    null);
              }
            });
  }

  /**
   * Runs going on whose agent is away: interrupted once it has been away {@link #GONE_AFTER_MILLIS}
   * or, not back since the server started, {@link #BACK_AFTER_START_MILLIS} (the agents' outboxes
   * tell how runs went while the server was down). Catches what the timer after a departure cannot:
   * runs of a server's last life, and runs that started from events the broker kept over a restart.
   */
  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void interruptRunsOfAbsentAgents() {
    Instant now = Instant.now();
    // an agent away longer than that is away whatever the time it left: forgotten
    offlineSince.values().removeIf(left -> left.plusMillis(BACK_AFTER_START_MILLIS).isBefore(now));
    for (String agentId : runs.agentsWithRunsGoingOn()) {
      Instant since = offlineSince.get(agentId);
      boolean away =
          since != null
              ? since.plusMillis(GONE_AFTER_MILLIS).isBefore(now)
              : startedAt.plusMillis(BACK_AFTER_START_MILLIS).isBefore(now);
      if (!isOnline(agentId) && away) {
        runs.agentGone(agentId);
      }
    }
  }

  /**
   * The agent left a while ago: unless it is back, its runs in progress are interrupted, or wait
   * for its restart.
   */
  @Timeout
  void gone(Timer timer) {
    String agentId = (String) timer.getInfo();
    if (!isOnline(agentId)) {
      runs.agentGone(agentId);
    }
  }

  /** Any sign of life: an event (or an older agent's heartbeat). */
  public void seen(String agentId) {
    lastSeen.put(agentId, Instant.now());
  }

  public Instant lastSeen(Agent agent) {
    Instant inMemory = lastSeen.get(agent.getId());
    return inMemory != null ? inMemory : agent.getLastSeenAt();
  }

  @Schedule(hour = "*", minute = "*", persistent = false)
  void writeLastSeen() {
    if (lastSeen.isEmpty()) {
      return;
    }
    Map<String, Instant> batch = new HashMap<>(lastSeen);
    batch.forEach(
        (agentId, when) -> {
          Agent agent = em.find(Agent.class, agentId);
          if (agent != null) {
            agent.seenAt(when);
          }
          lastSeen.remove(agentId, when);
        });
  }

  private SupportSession sessionOf(String agentId) {
    return em.createQuery(
            "select s from SupportSession s join fetch s.technician where s.agent.id = :agent",
            SupportSession.class)
        .setParameter("agent", agentId)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
