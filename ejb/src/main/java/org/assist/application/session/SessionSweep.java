package org.assist.application.session;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.assist.application.policy.Policies;
import org.assist.application.policy.Policy;

/**
 * Every few seconds: ends the sessions nobody used for the idle policy's time, then removes from
 * the broker what ended sessions' agents held (their queue, address and permissions), once each
 * agent left or a grace time passed. Each session and agent is done in its own transaction: one
 * that fails is tried again at the next sweep, the others are done.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionSweep {
  private static final Logger LOG = Logger.getLogger(SessionSweep.class.getName());

  /** How long an ended session's agent may stay connected to receive its end. */
  static final Duration RELEASE_GRACE = Duration.ofSeconds(30);

  @Inject private SupportSessionService sessions;
  @Inject private Policies policies;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  void sweep() {
    Duration idle = policies.duration(Policy.SESSION_IDLE_SECONDS);
    for (Long id : sessions.idle(Instant.now().minus(idle))) {
      try {
        sessions.endIdle(id, idle);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not end idle session " + id, e);
      }
    }
    for (String agentId : sessions.toRelease(RELEASE_GRACE)) {
      try {
        sessions.release(agentId);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not release the broker destinations of " + agentId, e);
      }
    }
  }
}
