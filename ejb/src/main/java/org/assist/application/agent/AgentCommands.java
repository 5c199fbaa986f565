package org.assist.application.agent;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import org.assist.application.Caller;
import org.assist.application.policy.Policies;
import org.assist.application.policy.Policy;
import org.assist.application.session.SessionReport;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.command.CommandStatus;
import org.assist.domain.report.EventKind;
import org.assist.domain.session.SupportSession;
import org.assist.infrastructure.messaging.CommandSender;
import org.assist.protocol.CommandBody;
import org.assist.protocol.CommandType;
import org.assist.protocol.JsonCodec;
import org.assist.protocol.Protocol;

/**
 * The one way to issue a command to a session's agent: it is kept with the session, the report says
 * the customer was asked where the command needs their consent, and it is signed and sent in the
 * caller's transaction, so the command exists and travels together, or not at all. Callers check
 * first that the session has a customer to send it to.
 */
@Stateless
@PermitAll
public class AgentCommands {
  /** A chat line waits longer for a customer who is briefly away than a request does. */
  private static final Duration CHAT_DELIVERY = Duration.ofMinutes(10);

  /** Credentials are good for a minute on their way; an agent away longer never gets them. */
  private static final Duration SECRET_DELIVERY = Duration.ofMinutes(1);

  @PersistenceContext private EntityManager em;
  @Inject private Caller caller;
  @Inject private Policies policies;
  @Inject private SessionReport report;
  @Inject private CommandSender sender;

  public AgentCommand issue(SupportSession session, CommandBody body) {
    return issue(session, body.commandType(), JsonCodec.bytes(withConsentTimeout(body)), null);
  }

  /**
   * The body's JSON; a request the customer is asked about also says how long they have to answer,
   * as the help desk's policy says now.
   */
  public JsonObject withConsentTimeout(CommandBody body) {
    JsonObject json = body.toJson();
    if (!body.commandType().asksConsent()) {
      return json;
    }
    return JsonCodec.object(json)
        .add(Protocol.CONSENT_SECONDS, policies.value(Policy.CONSENT_TIMEOUT_SECONDS))
        .build();
  }

  /**
   * The same with the body already encoded, for one body sent to many sessions.
   *
   * @param asked what the customer is asked, for the report; null for the command's type
   */
  public AgentCommand issue(SupportSession session, CommandType type, byte[] body, String asked) {
    AgentCommand command = new AgentCommand(session, type, caller.name());
    if (!type.asksConsent()) {
      command.moveTo(CommandStatus.DONE);
    }
    em.persist(command);
    if (type.asksConsent()) {
      report.record(
          session,
          EventKind.CONSENT_ASKED,
          caller.name(),
          asked == null ? type.name() : asked,
          command.getId());
    }
    if (type.carriesSecrets()) {
      // credentials stay in memory: a lost message is typed again, never read back from a disk
      sender.send(session.getAgent().getId(), command, body, SECRET_DELIVERY, false);
    } else {
      sender.send(
          session.getAgent().getId(),
          command,
          body,
          type == CommandType.CHAT ? CHAT_DELIVERY : policies.duration(Policy.COMMAND_TTL_SECONDS),
          true);
    }
    return command;
  }
}
