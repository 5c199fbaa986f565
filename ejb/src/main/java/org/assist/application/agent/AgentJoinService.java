package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.assist.application.policy.Policies;
import org.assist.application.policy.Policy;
import org.assist.application.session.SessionReport;
import org.assist.domain.agent.Agent;
import org.assist.domain.report.EventKind;
import org.assist.domain.session.SupportSession;
import org.assist.infrastructure.messaging.BrokerAdmin;
import org.assist.infrastructure.messaging.ServerKeys;
import org.assist.protocol.JoinRequest;
import org.assist.protocol.JoinTicket;
import org.assist.protocol.SessionNumber;

/**
 * A customer's agent joins a session with its number: once per number, while the number is fresh,
 * and never by guessing (see {@link JoinThrottle}). Called without a signed-in user.
 */
@Stateless
@PermitAll
public class AgentJoinService {
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext private EntityManager em;
  @Inject private JoinThrottle throttle;
  @Inject private Policies policies;
  @Inject private BrokerAdmin broker;
  @Inject private SessionReport report;
  @Inject private ServerKeys keys;
  @Inject private AgentCapacity capacity;

  /** Joins; refused with a "busy" the agent waits out when the server is full. */
  public JoinTicket join(JoinRequest request, String remoteAddress) {
    SupportSession session = joinable(request.number(), remoteAddress);
    capacity.checkRoom();

    String agentId = HexFormat.of().formatHex(randomBytes(12));
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    Agent agent = new Agent(agentId, Agent.digest(secret));
    agent.trusts(keys.currentVersion());
    agent.keyedWith(request.agentKey());
    agent.describe(
        request.computer().computerName(),
        request.computer().osName(),
        request.computer().osUser());
    em.persist(agent);
    session.join(agent);
    broker.prepareAgent(agentId);
    report.record(
        session,
        EventKind.CUSTOMER_JOINED,
        SessionReport.CUSTOMER,
        agent.getComputerName() + " / " + agent.getOsName() + " / " + agent.getOsUser(),
        null);
    return new JoinTicket(
        agentId,
        secret,
        broker.agentPort(),
        session.getId(),
        session.getNumber(),
        session.getTechnician().getDisplayName());
  }

  /**
   * The nine digits of the session this number joins, which stays unchanged: for the customer
   * portal, which hands out an agent prepared for it. Refused, and counted, exactly as a join is.
   */
  public String check(String number, String remoteAddress) {
    return joinable(number, remoteAddress).getNumber();
  }

  /** The waiting session of this number, locked; else a refusal counted against the address. */
  private SupportSession joinable(String number, String remoteAddress) {
    if (!throttle.admit(remoteAddress)) {
      throw new JoinRefusedException("join.throttled", true);
    }
    SupportSession session = SessionNumber.parse(number).flatMap(this::waitingSession).orElse(null);
    if (session == null
        || !session.isJoinable(Instant.now(), policies.duration(Policy.JOIN_MINUTES))) {
      throw new JoinRefusedException("join.unknownNumber", false);
    }
    throttle.succeeded(remoteAddress);
    return session;
  }

  /**
   * Locks the session's row only: joins to sessions of one technician do not wait for each other (a
   * fetch join would lock the technician's row too).
   */
  private Optional<SupportSession> waitingSession(SessionNumber number) {
    return em.createQuery(
            "select s from SupportSession s"
                + " where s.openNumber = :number and s.state = org.assist.domain.session.SessionState.WAITING",
            SupportSession.class)
        .setParameter("number", number.digits())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
