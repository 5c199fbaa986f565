package org.assist.application.session;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.assist.application.run.RunDetails;
import org.assist.domain.chat.ChatMessage;
import org.assist.domain.report.EventKind;
import org.assist.domain.report.SessionEvent;
import org.assist.domain.run.RunOutput;
import org.assist.domain.run.RunStep;
import org.assist.domain.session.SupportSession;

/** Writes and reads the session reports, and tells open consoles about each new entry. */
@Stateless
@PermitAll
public class SessionReport {
  /** Who did it, when it was not a technician. */
  public static final String CUSTOMER = "customer";

  public static final String SYSTEM = "system";

  /** How much of a script's output the report shows beside it; the rest is a link away. */
  static final int OUTPUT_SHOWN = 16_000;

  private static final int OUTPUT_CHUNKS_SHOWN = 200;

  @PersistenceContext private EntityManager em;
  @Inject private Event<SessionChanged> changes;

  public void record(
      SupportSession session, EventKind kind, String actor, String detail, String commandId) {
    record(session, kind, actor, detail, commandId, null);
  }

  /** An entry telling the end of a script step, shown with the step's details and output. */
  public void record(
      SupportSession session,
      EventKind kind,
      String actor,
      String detail,
      String commandId,
      Long stepId) {
    em.persist(new SessionEvent(session.getId(), kind, actor, detail, commandId, stepId));
    changes.fire(
        new SessionChanged(session.getId(), session.getTechnician().getUsername(), parts(kind)));
  }

  /**
   * The report's entries and the session's chat lines, oldest first; pages ask
   * SupportSessionService#report, which checks.
   */
  public List<ReportEntry> entries(long sessionId) {
    List<SessionEvent> events =
        em.createQuery(
                "select e from SessionEvent e where e.sessionId = :session order by e.at, e.id",
                SessionEvent.class)
            .setParameter("session", sessionId)
            .getResultList();
    Map<Long, ReportEntry.Script> scripts =
        scripts(events.stream().map(SessionEvent::getStepId).filter(Objects::nonNull).toList());
    List<ReportEntry> entries = new ArrayList<>();
    Map<String, String> asked = new HashMap<>();
    for (SessionEvent event : events) {
      ReportEntry entry =
          ReportEntry.of(event, event.getStepId() == null ? null : scripts.get(event.getStepId()));
      if (entry.kind() == EventKind.CONSENT_ASKED && entry.commandId() != null) {
        asked.put(entry.commandId(), entry.detail());
      }
      entries.add(answerNamingTheRequest(entry, asked));
    }
    em.createQuery(
            "select m from ChatMessage m where m.sessionId = :session order by m.at, m.id",
            ChatMessage.class)
        .setParameter("session", sessionId)
        .getResultStream()
        .map(SessionReport::entry)
        .forEach(entries::add);
    entries.sort(Comparator.comparing(ReportEntry::at));
    return entries;
  }

  /**
   * An answer says what was asked as the question did ("RUN_SCRIPTS: Disk v1 policy", not
   * "RUN_SCRIPTS policy"), so that the report names the scripts the customer allowed.
   */
  private static ReportEntry answerNamingTheRequest(ReportEntry entry, Map<String, String> asked) {
    boolean answer =
        entry.kind() == EventKind.CONSENT_GRANTED || entry.kind() == EventKind.CONSENT_DECLINED;
    String question = entry.commandId() == null ? null : asked.get(entry.commandId());
    if (!answer || question == null || entry.detail() == null) {
      return entry;
    }
    int space = entry.detail().lastIndexOf(' ');
    String request = space < 0 ? entry.detail() : entry.detail().substring(0, space);
    if (!question.startsWith(request) || question.equals(request)) {
      return entry;
    }
    return new ReportEntry(
        entry.id(),
        entry.at(),
        entry.kind(),
        entry.actor(),
        question + (space < 0 ? "" : entry.detail().substring(space)),
        entry.commandId(),
        entry.script());
  }

  private static ReportEntry entry(ChatMessage message) {
    return new ReportEntry(
        message.getId(),
        message.getAt(),
        EventKind.CHAT_MESSAGE,
        message.isFromCustomer() ? CUSTOMER : message.getAuthor(),
        message.getText(),
        null,
        null);
  }

  /** The steps of these ids, each with the beginning of its output. */
  private Map<Long, ReportEntry.Script> scripts(List<Long> stepIds) {
    if (stepIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, StringBuilder> output = new HashMap<>();
    em.createQuery(
            "select o from RunOutput o where o.step.id in :steps and o.seq < :chunks"
                + " order by o.seq",
            RunOutput.class)
        .setParameter("steps", stepIds)
        .setParameter("chunks", OUTPUT_CHUNKS_SHOWN)
        .getResultStream()
        .forEach(
            chunk -> {
              StringBuilder text =
                  output.computeIfAbsent(chunk.getStepId(), id -> new StringBuilder());
              int room = Math.max(0, OUTPUT_SHOWN - text.length());
              text.append(chunk.getText(), 0, Math.min(chunk.getText().length(), room));
            });
    Map<Long, ReportEntry.Script> scripts = new HashMap<>();
    em.createQuery("select s from RunStep s where s.id in :steps", RunStep.class)
        .setParameter("steps", stepIds)
        .getResultStream()
        .forEach(
            step -> {
              String text = Objects.toString(output.get(step.getId()), "");
              boolean cut = text.getBytes(StandardCharsets.UTF_8).length < step.getOutputBytes();
              scripts.put(
                  step.getId(), new ReportEntry.Script(RunDetails.Step.of(step), text, cut));
            });
    return scripts;
  }

  /** What of the session's pages an entry of this kind touches besides the report itself. */
  static Set<SessionChanged.Part> parts(EventKind kind) {
    return switch (kind) {
      case CONSENT_ASKED,
          CONSENT_GRANTED,
          CONSENT_DECLINED,
          SCRIPT_FINISHED,
          RUN_ENDED,
          COMMAND_EXPIRED,
          COMMAND_REFUSED ->
          Set.of(SessionChanged.Part.RUNS, SessionChanged.Part.REPORT);
      case SYSTEM_INFO_COLLECTED, MESSAGES_DROPPED, CHAT_MESSAGE ->
          Set.of(SessionChanged.Part.REPORT);
      case SESSION_STARTED,
          CUSTOMER_JOINED,
          CUSTOMER_ONLINE,
          CUSTOMER_OFFLINE,
          CUSTOMER_COMING_AND_GOING,
          RESTART_STARTED,
          RESTART_BACK,
          RESTART_OVERDUE,
          LOG_IN_TRIED,
          LOGGED_IN,
          LOG_IN_FAILED,
          LOG_IN_BLOCKED,
          LOG_IN_IMPOSSIBLE,
          LOG_OFF_ASKED,
          LOGGED_OFF,
          SESSION_ENDED ->
          Set.of(SessionChanged.Part.SESSION);
    };
  }
}
