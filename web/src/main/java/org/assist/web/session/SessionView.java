package org.assist.web.session;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.assist.application.SessionReport;
import org.assist.application.SupportSessionService;
import org.assist.domain.report.SessionEvent;
import org.assist.domain.session.SupportSession;

/** One session's page: its customer, its icon bar and its report, kept live. */
@Named
@ViewScoped
public class SessionView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SupportSessionService sessions;
  @Inject private SessionReport report;
  private long id;
  private SupportSession session;
  private List<SessionEvent> events;

  /** Loads (or reloads, on a live update) the session; unknown or hidden ones give 404. */
  public void load() {
    session = sessions.find(id);
    events = report.entries(id);
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
}
