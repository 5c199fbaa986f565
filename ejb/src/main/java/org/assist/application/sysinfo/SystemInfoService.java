package org.assist.application.sysinfo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.assist.application.Caller;
import org.assist.application.InvalidInputException;
import org.assist.application.NotFoundException;
import org.assist.application.Roles;
import org.assist.application.agent.AgentCommands;
import org.assist.application.agent.CommandRow;
import org.assist.application.session.SupportSessionService;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.domain.sysinfo.SystemInfoSnapshot;
import org.assist.protocol.CommandType;
import org.assist.protocol.JsonCodec;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.SystemInfoDocument;
import org.assist.protocol.SystemInfoRequest;

/**
 * The customer's system information: a technician asks, the customer consents on their own
 * computer, the agent collects, and every collection is kept in the session's report.
 */
@Stateless
@RolesAllowed(Roles.TECHNICIAN)
public class SystemInfoService {
  @PersistenceContext private EntityManager em;
  @Inject private Caller caller;
  @Inject private SupportSessionService sessions;
  @Inject private AgentCommands commands;

  /** Asks the session's customer for a collection; the answer arrives later. */
  public CommandRow request(long sessionId) {
    SupportSession session = sessions.find(sessionId);
    if (session.getState() != SessionState.CONNECTED) {
      throw new InvalidInputException("sysinfo.noCustomer");
    }
    return CommandRow.of(commands.issue(session, new SystemInfoRequest()));
  }

  /** The most recent request for this session's system information, if any. */
  public Optional<CommandRow> latestRequest(long sessionId) {
    sessions.checkVisible(sessionId);
    return em.createQuery(
            "select c from AgentCommand c where c.session.id = :session and c.type = :type"
                + " order by c.createdAt desc",
            AgentCommand.class)
        .setParameter("session", sessionId)
        .setParameter("type", CommandType.SYSTEM_INFO)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(CommandRow::of);
  }

  /** The most recent collection of this session, if any. */
  public Optional<Collected> latest(long sessionId) {
    sessions.checkVisible(sessionId);
    return em.createQuery(
            "select s from SystemInfoSnapshot s join fetch s.command where s.session.id = :session"
                + " order by s.collectedAt desc, s.id desc",
            SystemInfoSnapshot.class)
        .setParameter("session", sessionId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(SystemInfoService::collected);
  }

  /** One collection, if its session is visible to the caller. */
  public Collected snapshot(long snapshotId) {
    SystemInfoSnapshot snapshot = em.find(SystemInfoSnapshot.class, snapshotId);
    if (snapshot == null) {
      throw new NotFoundException("sysinfo.notFound");
    }
    sessions.checkVisible(snapshot.getSession().getId());
    return collected(snapshot);
  }

  /**
   * A collection of a session and the one before it, with what changed between them.
   *
   * @param before null when it is the session's first collection
   */
  public record Comparison(
      Collected before, Collected after, List<SnapshotComparison.Change> changes) {}

  /** The collection answering this request, compared with the session's previous one. */
  public Comparison compare(String commandId) {
    return compare(commandId, null);
  }

  /**
   * Two collections of one session compared, the earlier one first, whichever order they were named
   * in.
   *
   * @param otherCommandId the request that other collection answered; null for the collection
   *     before {@code commandId}'s
   */
  public Comparison compare(String commandId, String otherCommandId) {
    SystemInfoSnapshot one = answering(commandId);
    sessions.checkVisible(one.getSession().getId());
    SystemInfoSnapshot other;
    if (otherCommandId == null) {
      other =
          em.createQuery(
                  "select s from SystemInfoSnapshot s join fetch s.command where s.session.id ="
                      + " :session and (s.collectedAt < :at or (s.collectedAt = :at and s.id <"
                      + " :id)) order by s.collectedAt desc, s.id desc",
                  SystemInfoSnapshot.class)
              .setParameter("session", one.getSession().getId())
              .setParameter("at", one.getCollectedAt())
              .setParameter("id", one.getId())
              .setMaxResults(1)
              .getResultStream()
              .findFirst()
              .orElse(null);
      if (other == null) {
        return new Comparison(null, collected(one), List.of());
      }
    } else {
      other = answering(otherCommandId);
      if (!other.getSession().getId().equals(one.getSession().getId())) {
        // another session's collection is not this session's to compare, seen or not
        throw new NotFoundException("sysinfo.notFound");
      }
    }
    boolean oneFirst =
        one.getCollectedAt().isBefore(other.getCollectedAt())
            || (one.getCollectedAt().equals(other.getCollectedAt()) && one.getId() < other.getId());
    Collected before = collected(oneFirst ? one : other);
    Collected after = collected(oneFirst ? other : one);
    return new Comparison(
        before, after, SnapshotComparison.between(before.document(), after.document()));
  }

  private SystemInfoSnapshot answering(String commandId) {
    return em.createQuery(
            "select s from SystemInfoSnapshot s join fetch s.command c where c.id = :command",
            SystemInfoSnapshot.class)
        .setParameter("command", commandId)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("sysinfo.notFound"));
  }

  /**
   * A stored collection, read back into its document.
   *
   * @param requestedBy who asked for it
   */
  public record Collected(
      long id, long sessionId, String commandId, String requestedBy, SystemInfoDocument document) {}

  private static Collected collected(SystemInfoSnapshot snapshot) {
    try {
      return new Collected(
          snapshot.getId(),
          snapshot.getSession().getId(),
          snapshot.getCommand().getId(),
          snapshot.getCommand().getRequestedBy(),
          SystemInfoDocument.fromJson(JsonCodec.read(snapshot.getContent())));
    } catch (MalformedMessageException e) {
      throw new IllegalStateException("stored snapshot " + snapshot.getId() + " is unreadable", e);
    }
  }
}
