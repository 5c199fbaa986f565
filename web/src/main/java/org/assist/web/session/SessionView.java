package org.assist.web.session;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.assist.application.AssistException;
import org.assist.application.ChatService;
import org.assist.application.RunDetails;
import org.assist.application.RunService;
import org.assist.application.SessionReport;
import org.assist.application.SupportSessionService;
import org.assist.domain.report.SessionEvent;
import org.assist.domain.session.SupportSession;
import org.assist.web.Notices;
import org.assist.web.run.SessionFeed;

/**
 * One session's page: its customer and icon bar, the chat (with the output of scripts as they run),
 * the runs, and the report; all kept live.
 */
@Named
@ViewScoped
public class SessionView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SupportSessionService sessions;
  @Inject private SessionReport report;
  @Inject private ChatService chat;
  @Inject private RunService runs;
  private long id;
  private SupportSession session;
  private List<SessionEvent> events;
  private List<SessionFeed.Item> feed;
  private List<RunDetails.Target> runList;
  private String message;

  /** Loads (or reloads, on a live update) the session; unknown or hidden ones give 404. */
  public void load() {
    session = sessions.find(id);
    events = report.entries(id);
    feed =
        SessionFeed.of(id, chat, runs, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    runList = runs.ofSession(id);
  }

  /** The technician writes to the customer. */
  public void send() {
    try {
      chat.send(id, message);
      message = null;
    } catch (AssistException e) {
      Notices.refused(e, "session");
    }
    load();
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public SupportSession getSession() {
    return session;
  }

  public List<SessionEvent> getEvents() {
    return events;
  }

  public List<SessionFeed.Item> getFeed() {
    return feed;
  }

  public List<RunDetails.Target> getRuns() {
    return runList;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
