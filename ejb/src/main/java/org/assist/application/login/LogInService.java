package org.assist.application.login;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.assist.application.Caller;
import org.assist.application.InvalidInputException;
import org.assist.application.Roles;
import org.assist.application.Settings;
import org.assist.application.agent.AgentCommands;
import org.assist.application.agent.CommandRow;
import org.assist.application.session.SessionChanged;
import org.assist.application.session.SessionChanged.Part;
import org.assist.application.session.SessionReport;
import org.assist.application.session.SupportSessionService;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.command.CommandStatus;
import org.assist.domain.report.EventKind;
import org.assist.domain.session.LogInState;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.protocol.Credentials;
import org.assist.protocol.LogInCredentials;
import org.assist.protocol.LogInOutcome;
import org.assist.protocol.LogInRequest;
import org.assist.protocol.LogOff;
import org.assist.protocol.MalformedMessageException;
import org.assist.protocol.SealedCredentials;

/**
 * A technician logging in to the customer's computer as another of its accounts. The customer is
 * asked on their computer; the credentials are sealed at once to the key the agent made at its join
 * and leave in a message that is never written to disk, so the server keeps no trace of the
 * password: not in the database, the report, the log or the broker. After {@link #MAX_FAILURES}
 * wrong ones in a row the action is refused for {@link Settings#logInBlock()}.
 */
@Stateless
@RolesAllowed(Roles.TECHNICIAN)
public class LogInService {
  /** Wrong credentials in a row before logging in is refused for a while. */
  public static final int MAX_FAILURES = 3;

  @PersistenceContext private EntityManager em;
  @Inject private SupportSessionService sessions;
  @Inject private AgentCommands commands;
  @Inject private SessionReport report;
  @Inject private Caller caller;
  @Inject private Event<SessionChanged> changes;

  /**
   * Asks the customer to let the technician log in (credentials null: the technician types them
   * once allowed), or sends the credentials: with the request, or after the customer allowed it.
   */
  public CommandRow logIn(long sessionId, Credentials credentials) {
    SupportSession session = sessions.find(sessionId);
    if (session.getState() != SessionState.CONNECTED || session.getRestartingSince() != null) {
      throw new InvalidInputException("restart.noCustomer");
    }
    if (session.isLogInBlocked(Instant.now())) {
      throw new InvalidInputException(
          "logIn.blocked", null, String.valueOf(Settings.logInBlock().toMinutes()));
    }
    if (session.getLogIn() == LogInState.WORKING) {
      throw new InvalidInputException("logIn.already", null, session.getWorkingAs());
    }
    String agentKey = session.getAgent().getPublicKey();
    if (agentKey == null) {
      throw new InvalidInputException("logIn.noKey");
    }
    SealedCredentials sealed = credentials == null ? null : seal(credentials, agentKey);
    AgentCommand command;
    if (sealed != null && session.getLogIn() == LogInState.ALLOWED) {
      command = commands.issue(session, new LogInCredentials(sealed));
    } else {
      command = commands.issue(session, new LogInRequest(sealed));
      session.logInAsked();
    }
    if (credentials != null) {
      report.record(
          session, EventKind.LOG_IN_TRIED, caller.name(), credentials.account(), command.getId());
    }
    changed(session);
    return CommandRow.of(command);
  }

  /** Asks the agent to log off from the account the technician works as. */
  public CommandRow logOff(long sessionId) {
    SupportSession session = sessions.find(sessionId);
    if (session.getLogIn() != LogInState.WORKING) {
      throw new InvalidInputException("logIn.notWorking");
    }
    return CommandRow.of(logOff(session, caller.name(), "asked by the technician"));
  }

  /**
   * The technician's last console closed: each of their sessions where they work as another account
   * is logged off, and its customer gets the computer back.
   */
  @PermitAll
  public void consoleClosed(String technician) {
    for (SupportSession session :
        em.createQuery(
                "select s from SupportSession s join fetch s.technician t join fetch s.agent"
                    + " where t.username = :technician and s.logIn = :working"
                    + " and s.state = org.assist.domain.session.SessionState.CONNECTED",
                SupportSession.class)
            .setParameter("technician", technician)
            .setParameter("working", LogInState.WORKING)
            .getResultList()) {
      logOff(session, SessionReport.SYSTEM, "the technician's console closed");
    }
  }

  private AgentCommand logOff(SupportSession session, String actor, String reason) {
    AgentCommand command = commands.issue(session, new LogOff(reason));
    report.record(session, EventKind.LOG_OFF_ASKED, actor, reason, command.getId());
    return command;
  }

  /** The customer answered a request to log in. */
  @PermitAll
  public void consent(SupportSession session, boolean granted) {
    if (granted) {
      session.logInAllowed();
    } else {
      session.loggedOff(null);
    }
  }

  /**
   * What came of a log-in or log-off, as the agent says; {@code command} null when it acted alone.
   */
  @PermitAll
  public void outcome(SupportSession session, AgentCommand command, LogInOutcome outcome) {
    if (command != null && !command.getStatus().isFinished()) {
      command.moveTo(
          outcome.outcome() == LogInOutcome.Outcome.LOGGED_IN
                  || outcome.outcome() == LogInOutcome.Outcome.LOGGED_OFF
              ? CommandStatus.DONE
              : CommandStatus.FAILED);
    }
    String commandId = command == null ? null : command.getId();
    switch (outcome.outcome()) {
      case LOGGED_IN -> {
        session.loggedIn(outcome.account());
        report.record(
            session, EventKind.LOGGED_IN, SessionReport.CUSTOMER, outcome.account(), commandId);
      }
      case WRONG_CREDENTIALS -> {
        report.record(
            session,
            EventKind.LOG_IN_FAILED,
            SessionReport.CUSTOMER,
            outcome.account() + ": " + outcome.reason(),
            commandId);
        if (session.logInRefused(
            outcome.reason(), MAX_FAILURES, Instant.now().plus(Settings.logInBlock()))) {
          report.record(
              session,
              EventKind.LOG_IN_BLOCKED,
              SessionReport.SYSTEM,
              String.valueOf(Settings.logInBlock().toMinutes()),
              commandId);
        }
      }
      case CANNOT_SWITCH -> {
        session.loggedOff(outcome.reason());
        report.record(
            session,
            EventKind.LOG_IN_IMPOSSIBLE,
            SessionReport.CUSTOMER,
            outcome.reason(),
            commandId);
      }
      case LOGGED_OFF -> {
        String account = session.loggedOff(null);
        report.record(
            session,
            EventKind.LOGGED_OFF,
            SessionReport.CUSTOMER,
            (account == null ? outcome.account() : account) + " (" + outcome.reason() + ")",
            commandId);
      }
    }
  }

  /**
   * The agent started again (its computer restarted, or it was stopped): it works as its own
   * account, whatever the session said.
   */
  @PermitAll
  public void agentStarted(SupportSession session) {
    String account = session.loggedOff(null);
    if (account != null) {
      report.record(
          session,
          EventKind.LOGGED_OFF,
          SessionReport.CUSTOMER,
          account + " (the customer's agent started again)",
          null);
    }
  }

  private static SealedCredentials seal(Credentials credentials, String agentKey) {
    try {
      return SealedCredentials.seal(credentials, SealedCredentials.publicKey(agentKey));
    } catch (MalformedMessageException e) {
      throw new InvalidInputException("logIn.noKey");
    }
  }

  private void changed(SupportSession session) {
    changes.fire(
        new SessionChanged(session.getId(), session.getTechnician().getUsername(), Part.SESSION));
  }
}
