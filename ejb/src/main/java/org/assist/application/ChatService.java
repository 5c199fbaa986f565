package org.assist.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import org.assist.domain.chat.ChatMessage;
import org.assist.domain.command.AgentCommand;
import org.assist.domain.command.CommandStatus;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.infrastructure.messaging.CommandSender;
import org.assist.protocol.ChatText;
import org.assist.protocol.CommandType;

/** The chat between a session's technician and its customer, kept with the session. */
@Stateless
@RolesAllowed(Roles.TECHNICIAN)
public class ChatService {
  private static final Duration DELIVERY = Duration.ofMinutes(10);

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext context;
  @Inject private SupportSessionService sessions;
  @Inject private TechnicianService technicians;
  @Inject private CommandSender sender;
  @Inject private Event<ChatLinesAdded> lines;

  /** The technician writes to the customer. */
  public void send(long sessionId, String text) {
    String clean = clean(text);
    SupportSession session = sessions.find(sessionId);
    if (session.getState() != SessionState.CONNECTED) {
      throw new InvalidInputException("sysinfo.noCustomer", "chat");
    }
    String author = technicians.current().getDisplayName();
    ChatMessage message = new ChatMessage(sessionId, author, false, clean);
    em.persist(message);
    AgentCommand command =
        new AgentCommand(session, CommandType.CHAT, context.getCallerPrincipal().getName());
    command.moveTo(CommandStatus.DONE);
    em.persist(command);
    sender.send(session.getAgent().getId(), command, new ChatText(author, clean), DELIVERY);
    added(session, message);
  }

  /** The customer wrote (from the agent). */
  @PermitAll
  public void fromCustomer(SupportSession session, String text) {
    String clean = text == null ? "" : text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").strip();
    if (clean.isEmpty()) {
      return;
    }
    String author =
        session.getAgent() == null || session.getAgent().getOsUser() == null
            ? "customer"
            : session.getAgent().getOsUser();
    ChatMessage message = new ChatMessage(session.getId(), author, true, clean);
    em.persist(message);
    added(session, message);
  }

  private void added(SupportSession session, ChatMessage message) {
    lines.fire(
        new ChatLinesAdded(
            session.getId(),
            session.getTechnician().getUsername(),
            List.of(new ChatLine.Message(message))));
  }

  public List<ChatMessage> messages(long sessionId) {
    sessions.find(sessionId);
    return em.createQuery(
            "select m from ChatMessage m where m.sessionId = :session order by m.at, m.id",
            ChatMessage.class)
        .setParameter("session", sessionId)
        .getResultList();
  }

  private static String clean(String text) {
    String clean = text == null ? "" : text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").strip();
    if (clean.isEmpty() || clean.length() > ChatMessage.MAX_TEXT) {
      throw new InvalidInputException("chat.invalid", "chat", ChatMessage.MAX_TEXT);
    }
    return clean;
  }
}
