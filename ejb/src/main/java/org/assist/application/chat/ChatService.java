package org.assist.application.chat;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.assist.application.Caller;
import org.assist.application.InvalidInputException;
import org.assist.application.Roles;
import org.assist.application.agent.AgentCommands;
import org.assist.application.session.SupportSessionService;
import org.assist.application.technician.TechnicianService;
import org.assist.domain.chat.ChatMessage;
import org.assist.domain.session.SessionState;
import org.assist.domain.session.SupportSession;
import org.assist.protocol.ChatText;

/** The chat between a session's technician and its customer, kept with the session. */
@Stateless
@RolesAllowed(Roles.TECHNICIAN)
public class ChatService {

  @PersistenceContext private EntityManager em;
  @Inject private Caller caller;
  @Inject private SupportSessionService sessions;
  @Inject private TechnicianService technicians;
  @Inject private AgentCommands commands;
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
    commands.issue(session, new ChatText(author, clean));
    added(session, message);
  }

  /** The customer wrote (from the agent). */
  @PermitAll
  /**
   * A line the customer typed, carried by the agent's event {@code eventId}: an event delivered
   * twice (the agent sends again what it is not sure the server has) is kept once.
   */
  public void fromCustomer(SupportSession session, String text, String eventId) {
    String clean = withoutControls(text);
    if (clean.isEmpty() || alreadyHave(eventId)) {
      return;
    }
    String author =
        session.getAgent() == null || session.getAgent().getOsUser() == null
            ? "customer"
            : session.getAgent().getOsUser();
    ChatMessage message = new ChatMessage(session.getId(), author, true, clean, eventId);
    em.persist(message);
    added(session, message);
  }

  private boolean alreadyHave(String eventId) {
    return !em.createQuery("select m.id from ChatMessage m where m.eventId = :id", Long.class)
        .setParameter("id", eventId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private void added(SupportSession session, ChatMessage message) {
    lines.fire(
        new ChatLinesAdded(
            session.getId(),
            session.getTechnician().getUsername(),
            List.of(new ChatLine.Message(MessageRow.of(message)))));
  }

  public List<MessageRow> messages(long sessionId) {
    sessions.checkVisible(sessionId);
    return em.createQuery(
            "select m from ChatMessage m where m.sessionId = :session order by m.at, m.id",
            ChatMessage.class)
        .setParameter("session", sessionId)
        .getResultStream()
        .map(MessageRow::of)
        .toList();
  }

  /** Control characters other than line breaks and tabs become spaces; no blank around. */
  private static String withoutControls(String text) {
    return text == null ? "" : text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").strip();
  }

  private static String clean(String text) {
    String clean = withoutControls(text);
    if (clean.isEmpty() || clean.length() > ChatMessage.MAX_TEXT) {
      throw new InvalidInputException("chat.invalid", "chat", ChatMessage.MAX_TEXT);
    }
    return clean;
  }
}
