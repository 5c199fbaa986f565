package org.assist.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.assist.domain.agent.Agent;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.command.CommandStatus;
import org.assist.domain.report.EventKind;
import org.assist.domain.session.SupportSession;
import org.assist.domain.sysinfo.SystemInfoSnapshot;
import org.assist.protocol.Event;
import org.assist.protocol.JsonCodec;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.SystemInfoDocument;

/**
 * Applies what agents report to sessions and their reports. The agent id comes from the broker (the
 * address only that agent may send to), never from the event; an answer for a command of another
 * agent's session is rejected and logged. Handling is idempotent: a command that already has its
 * answer ignores another one.
 */
@Stateless
@PermitAll
public class AgentEventHandler {
  private static final Logger LOG = Logger.getLogger(AgentEventHandler.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Presence presence;
  @Inject private SessionReport report;
  @Inject private RunProgress runs;
  @Inject private ChatService chat;
  @Inject private jakarta.enterprise.event.Event<SessionChanged> changes;

  /** Throws MalformedMessageException when the event's content is out of shape. */
  public void handle(String agentId, Event event) throws MalformedMessageException {
    presence.seen(agentId);
    if (event.type() == org.assist.protocol.EventType.HEARTBEAT) {
      return;
    }
    Agent agent = em.find(Agent.class, agentId);
    SupportSession session = agent == null ? null : sessionOf(agent);
    if (session == null || agent.isRevoked()) {
      LOG.warning(
          () ->
              "Event "
                  + event.type()
                  + " from agent "
                  + agentId
                  + " without an open session: ignored");
      return;
    }
    switch (event.type()) {
      case HELLO -> hello(agent, session, event.body());
      case CONSENT -> consent(agentId, session, event);
      case SYSTEM_INFO -> systemInfo(agentId, session, event);
      case STEP_STARTED, OUTPUT, STEP_FINISHED, RUN_FINISHED -> run(agentId, session, event);
      case CHAT -> chat.fromCustomer(session, event.body().getString("text", ""));
      case REFUSED -> refused(agentId, session, event);
      case BYE, HEARTBEAT -> {
        // presence follows the broker connection; nothing to store
      }
    }
  }

  private void hello(Agent agent, SupportSession session, JsonObject body) {
    agent.describe(
        body.getString("computerName", null),
        body.getString("osName", null),
        body.getString("osUser", null));
    changes.fire(
        new SessionChanged(session.getId(), session.getTechnician().getUsername(), "hello"));
  }

  private void consent(String agentId, SupportSession session, Event event) {
    AgentCommand command = commandOf(agentId, session, event);
    if (command == null) {
      return;
    }
    boolean granted = event.body().getBoolean("granted", false);
    if (command.getType() == org.assist.protocol.CommandType.RUN_SCRIPTS
        && !command.getStatus().isFinished()) {
      runs.consent(command, granted, event.body().getString("how", ""));
    }
    if (command.moveTo(granted ? CommandStatus.RUNNING : CommandStatus.DECLINED)) {
      report.record(
          session,
          granted ? EventKind.CONSENT_GRANTED : EventKind.CONSENT_DECLINED,
          SessionReport.CUSTOMER,
          command.getType().name() + " " + event.body().getString("how", ""),
          command.getId());
    }
  }

  private void systemInfo(String agentId, SupportSession session, Event event)
      throws MalformedMessageException {
    AgentCommand command = commandOf(agentId, session, event);
    if (command == null || command.getStatus().isFinished()) {
      return;
    }
    SystemInfoDocument document = SystemInfoDocument.fromJson(event.body());
    em.persist(
        new SystemInfoSnapshot(
            command,
            new String(
                JsonCodec.bytes(document.toJson()), java.nio.charset.StandardCharsets.UTF_8)));
    command.moveTo(CommandStatus.DONE);
    report.record(
        session,
        EventKind.SYSTEM_INFO_COLLECTED,
        SessionReport.CUSTOMER,
        document.categories().size() + " categories",
        command.getId());
  }

  private void run(String agentId, SupportSession session, Event event) {
    AgentCommand command = commandOf(agentId, session, event);
    if (command == null || command.getType() != org.assist.protocol.CommandType.RUN_SCRIPTS) {
      return;
    }
    switch (event.type()) {
      case STEP_STARTED -> runs.stepStarted(command, event.body());
      case OUTPUT -> runs.output(command, event.body());
      case STEP_FINISHED -> runs.stepFinished(command, event.body());
      default -> runs.runFinished(command, event.body());
    }
  }

  private void refused(String agentId, SupportSession session, Event event) {
    AgentCommand command = commandOf(agentId, session, event);
    if (command != null && command.getType() == org.assist.protocol.CommandType.RUN_SCRIPTS) {
      runs.ended(
          command, org.assist.domain.run.TargetState.REFUSED, event.body().getString("reason", ""));
    }
    if (command != null && command.moveTo(CommandStatus.REFUSED)) {
      report.record(
          session,
          EventKind.COMMAND_REFUSED,
          SessionReport.CUSTOMER,
          event.body().getString("reason", ""),
          command.getId());
    }
  }

  /** The command this event answers, if it belongs to the sending agent's session. */
  private AgentCommand commandOf(String agentId, SupportSession session, Event event) {
    AgentCommand command =
        event.commandId() == null ? null : em.find(AgentCommand.class, event.commandId());
    if (command == null || !command.getSession().getId().equals(session.getId())) {
      LOG.warning(
          () ->
              "Rejected "
                  + event.type()
                  + " from agent "
                  + agentId
                  + ": command "
                  + LogText.safe(event.commandId())
                  + " is not one of its session's commands");
      return null;
    }
    return command;
  }

  private SupportSession sessionOf(Agent agent) {
    return em.createQuery(
            "select s from SupportSession s join fetch s.technician where s.agent = :agent and s.state <> org.assist.domain.session.SessionState.ENDED",
            SupportSession.class)
        .setParameter("agent", agent)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
