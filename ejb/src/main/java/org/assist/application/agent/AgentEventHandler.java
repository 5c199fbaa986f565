package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.assist.application.LogText;
import org.assist.application.chat.ChatService;
import org.assist.application.login.LogInService;
import org.assist.application.restart.RestartService;
import org.assist.application.run.RunProgress;
import org.assist.application.session.SessionChanged;
import org.assist.application.session.SessionChanged.Part;
import org.assist.application.session.SessionReport;
import org.assist.domain.agent.Agent;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.command.CommandStatus;
import org.assist.domain.report.EventKind;
import org.assist.domain.run.RunTarget;
import org.assist.domain.run.TargetState;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.domain.sysinfo.SystemInfoSnapshot;
import org.assist.protocol.ChatText;
import org.assist.protocol.CommandType;
import org.assist.protocol.ConsentAnswer;
import org.assist.protocol.Event;
import org.assist.protocol.EventType;
import org.assist.protocol.Hello;
import org.assist.protocol.JsonCodec;
import org.assist.protocol.LogInOutcome;
import org.assist.protocol.OutputChunk;
import org.assist.protocol.Refusal;
import org.assist.protocol.RunFinished;
import org.assist.protocol.StepFinished;
import org.assist.protocol.StepStarted;
import org.assist.protocol.SystemInfoDocument;
import org.assist.protocol.Trusted;

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
  @Inject private TrustRenewal trust;
  @Inject private RestartService restarts;
  @Inject private LogInService logIns;
  @Inject private RecentEvents recent;

  /**
   * Applies an event, read and checked by the protocol, that came from this agent; one seen lately
   * (sent again by the agent's outbox) is not applied again.
   */
  public void handle(String agentId, Event event) {
    handle(agentId, event, new HashMap<>());
  }

  /**
   * Several events of this agent, in order, in one transaction; a run's events find their run once
   * (a script's start, output and end come together).
   */
  public void handleAll(String agentId, List<Event> events) {
    Map<String, RunTarget> runsByCommand = new HashMap<>();
    for (Event event : events) {
      handle(agentId, event, runsByCommand);
    }
  }

  private void handle(String agentId, Event event, Map<String, RunTarget> runsByCommand) {
    presence.seen(agentId);
    if (event.type() != EventType.OUTPUT && !recent.first(event.id())) {
      return;
    }
    switch (event.type()) {
      case HEARTBEAT, BYE -> {
        // presence follows the broker connection; nothing to store
      }
      case HELLO, CHAT, LOG_IN -> {
        Agent agent = em.find(Agent.class, agentId);
        SupportSession session = agent == null || agent.isRevoked() ? null : sessionOf(agent);
        if (session == null) {
          ignored(agentId, event);
        } else if (event.body() instanceof Hello hello) {
          hello(agent, session, hello);
        } else if (event.body() instanceof LogInOutcome outcome) {
          // also said by the agent alone (it logged off when the server was out of reach)
          logIns.outcome(session, commandOf(agentId, event), outcome);
          changes.fire(
              new SessionChanged(
                  session.getId(), session.getTechnician().getUsername(), Part.SESSION));
        } else {
          chat.fromCustomer(session, ((ChatText) event.body()).text(), event.id());
        }
      }
      default -> answer(agentId, event, runsByCommand);
    }
  }

  /** Events of this agent were dropped, over its budget: said once in its session's report. */
  public void dropped(String agentId, long count) {
    Agent agent = em.find(Agent.class, agentId);
    SupportSession session = agent == null ? null : sessionOf(agent);
    if (session != null) {
      report.record(
          session, EventKind.MESSAGES_DROPPED, SessionReport.SYSTEM, String.valueOf(count), null);
    }
    LOG.warning(() -> "Agent " + agentId + " sent too much: " + count + " events dropped");
  }

  /**
   * An answer to a command: applied if the command is one of the sending agent's open session. A
   * run's events (the busiest) find their run, command, session and steps in one query.
   */
  private void answer(String agentId, Event event, Map<String, RunTarget> runsByCommand) {
    RunTarget run =
        event.commandId() == null
            ? null
            : runsByCommand.computeIfAbsent(
                event.commandId(), command -> runs.target(agentId, command));
    AgentCommand command = run != null ? run.getCommand() : commandOf(agentId, event);
    if (command == null) {
      LOG.warning(
          () ->
              "Rejected "
                  + event.type()
                  + " from agent "
                  + agentId
                  + ": command "
                  + LogText.safe(event.commandId())
                  + " is not one of its session's commands");
      return;
    }
    SupportSession session = command.getSession();
    if (!session.isOpen() || session.getAgent().isRevoked()) {
      ignored(agentId, event);
      return;
    }
    switch (event.type()) {
      case CONSENT -> consent(session, command, run, (ConsentAnswer) event.body());
      case SYSTEM_INFO -> systemInfo(session, command, (SystemInfoDocument) event.body());
      case REFUSED -> refused(session, command, (Refusal) event.body());
      case TRUSTED -> trust.trusted(session, ((Trusted) event.body()).version());
      default -> {
        if (run != null) {
          progress(run, event);
        }
      }
    }
  }

  private void progress(RunTarget run, Event event) {
    switch (event.type()) {
      case STEP_STARTED -> runs.stepStarted(run, (StepStarted) event.body());
      case OUTPUT -> runs.output(run, (OutputChunk) event.body());
      case STEP_FINISHED -> runs.stepFinished(run, (StepFinished) event.body());
      case RUN_FINISHED -> runs.runFinished(run, (RunFinished) event.body());
      default -> ignored(run.getSession().getAgent().getId(), event);
    }
  }

  private void hello(Agent agent, SupportSession session, Hello hello) {
    agent.describe(hello.computerName(), hello.osName(), hello.osUser());
    // an agent that was away while the server renewed its keys gets them now
    trust.trusted(session, hello.trustVersion());
    // an agent that says hello again after its computer restarted is back
    restarts.agentConnected(session);
    // a new start works as the agent's own account
    logIns.agentStarted(session);
    changes.fire(
        new SessionChanged(session.getId(), session.getTechnician().getUsername(), Part.SESSION));
  }

  private void consent(
      SupportSession session, AgentCommand command, RunTarget run, ConsentAnswer answer) {
    boolean granted = answer.granted();
    if (run != null && !command.getStatus().isFinished()) {
      runs.consent(run, granted, answer.how().wire());
    }
    if (command.moveTo(granted ? CommandStatus.RUNNING : CommandStatus.DECLINED)) {
      report.record(
          session,
          granted ? EventKind.CONSENT_GRANTED : EventKind.CONSENT_DECLINED,
          SessionReport.CUSTOMER,
          command.getType().name() + " " + answer.how().wire(),
          command.getId());
      if (granted && command.getType() == CommandType.RESTART) {
        // the agent restarts the computer right after saying yes
        restarts.started(session);
      }
      if (command.getType() == CommandType.LOG_IN_AS) {
        logIns.consent(session, granted);
        changes.fire(
            new SessionChanged(
                session.getId(), session.getTechnician().getUsername(), Part.SESSION));
      }
    }
  }

  private void systemInfo(
      SupportSession session, AgentCommand command, SystemInfoDocument document) {
    if (command.getStatus().isFinished()) {
      return;
    }
    em.persist(
        new SystemInfoSnapshot(
            command, new String(JsonCodec.bytes(document.toJson()), StandardCharsets.UTF_8)));
    command.moveTo(CommandStatus.DONE);
    report.record(
        session,
        EventKind.SYSTEM_INFO_COLLECTED,
        SessionReport.CUSTOMER,
        document.categories().size() + " categories",
        command.getId());
  }

  private void refused(SupportSession session, AgentCommand command, Refusal refusal) {
    if (command.getType() == CommandType.RUN_SCRIPTS) {
      runs.ended(command, TargetState.REFUSED, refusal.reason());
    }
    if (command.getType() == CommandType.RESTART) {
      restarts.failed(session);
    }
    if (command.moveTo(CommandStatus.REFUSED)) {
      report.record(
          session,
          EventKind.COMMAND_REFUSED,
          SessionReport.CUSTOMER,
          refusal.reason(),
          command.getId());
    }
  }

  /**
   * The command this event answers, with its session, technician and agent (one query), if it is a
   * command of the sending agent's session; otherwise null.
   */
  private AgentCommand commandOf(String agentId, Event event) {
    return event.commandId() == null
        ? null
        : em.createQuery(
                "select c from AgentCommand c join fetch c.session s join fetch s.technician"
                    + " join fetch s.agent a where c.id = :id and a.id = :agent",
                AgentCommand.class)
            .setParameter("id", event.commandId())
            .setParameter("agent", agentId)
            .getResultStream()
            .findFirst()
            .orElse(null);
  }

  private static void ignored(String agentId, Event event) {
    LOG.warning(
        () ->
            "Event "
                + event.type()
                + " from agent "
                + agentId
                + " without an open session: ignored");
  }

  private SupportSession sessionOf(Agent agent) {
    return em.createQuery(
            "select s from SupportSession s join fetch s.technician where s.agent = :agent"
                + " and s.state <> :ended",
            SupportSession.class)
        .setParameter("agent", agent)
        .setParameter("ended", SessionState.ENDED)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
